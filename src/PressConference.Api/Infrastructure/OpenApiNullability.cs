using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PressConference.Api.Infrastructure;

/// <summary>
/// ASP.NET Core lists every constructor parameter of a record without a default as <c>required</c>, nullable ones too:
/// the credential request then "requires" the press-card and the letter fields together, and a client generator makes
/// them mandatory and non-null. A property whose schema admits null (its C# type is nullable) may be left out or sent
/// as null, so it is never listed as required; what FluentValidation requires is still checked, and answered as a 400.
/// </summary>
internal static class OpenApiNullability
{
    public static Task LeaveNullablePropertiesOptional(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (schema.Required is not { Count: > 0 } required)
        {
            return Task.CompletedTask;
        }

        // A property that refers to another schema (an enum, a record) is only marked nullable after the transformers
        // ran: its C# type says it first.
        var nullable = context.JsonTypeInfo.Properties
            .Where(p => p.IsGetNullable || p.AssociatedParameter is { IsNullable: true })
            .Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in required.Where(n => nullable.Contains(n)
                     || (schema.Properties?.TryGetValue(n, out var property) == true && MayBeNull(property))).ToList())
        {
            required.Remove(name);
        }

        return Task.CompletedTask;
    }

    private static bool MayBeNull(IOpenApiSchema schema) =>
        (schema.Type is { } type && type.HasFlag(JsonSchemaType.Null))
        || (schema.OneOf?.Any(MayBeNull) ?? false)
        || (schema.AnyOf?.Any(MayBeNull) ?? false);
}
