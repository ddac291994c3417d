using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace PressConference.Api.Infrastructure;

/// <summary>
/// The one place where exceptions become answers: unreadable input is a 400 naming the field, a lost optimistic
/// concurrency race a 409, anything else a 500 that leaks nothing but a trace id.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = Texts.Get("status.413"),
                Detail = exception.Message,
            },
            BadHttpRequestException bad => DescribeBadRequest(httpContext, bad),
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = Texts.Get("status.409"),
                Detail = Texts.Get("problem.concurrency"),
                Extensions = { ["code"] = "ConcurrentUpdate" },
            },
            _ => Unexpected(httpContext, exception),
        };

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private ProblemDetails Unexpected(HttpContext httpContext, Exception exception)
    {
        var traceId = Activity.Current?.Id ?? httpContext.TraceIdentifier;
        logger.LogError(exception, "Unhandled exception for {Method} {Path} (trace {TraceId})",
            httpContext.Request.Method, httpContext.Request.Path, traceId);
        return new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Title = Texts.Get("status.500"),
            Detail = Texts.Get("problem.internal", traceId),
        };
    }

    private static HttpValidationProblemDetails DescribeBadRequest(HttpContext httpContext, BadHttpRequestException bad)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (FindJsonException(bad) is { } json)
        {
            var field = JsonPathToField(json.Path);
            var targetType = ResolveTargetType(httpContext, json.Path);
            errors[field.Length == 0 ? "body" : field] = [DescribeValue(targetType, field.Length == 0)];
        }
        else if (ParameterName().Match(bad.Message) is { Success: true } match)
        {
            var name = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(match.Groups["name"].Value);
            errors[name] = [Texts.Get("validation.query", name)];
        }
        else
        {
            errors["body"] = [Texts.Get("validation.body")];
        }

        return new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = Texts.Get("validation.title"),
            Extensions = { ["code"] = "ValidationFailed" },
        };
    }

    private static JsonException? FindJsonException(Exception exception)
    {
        for (var current = exception.InnerException; current is not null; current = current.InnerException)
        {
            if (current is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    /// <summary>"$.spokespersonIds[1]" → "spokespersonIds[1]"; "$" → "".</summary>
    private static string JsonPathToField(string? path) =>
        string.IsNullOrEmpty(path) ? string.Empty : path.TrimStart('$').TrimStart('.');

    private static string DescribeValue(Type? type, bool wholeBody)
    {
        if (wholeBody || type is null)
        {
            return Texts.Get(wholeBody ? "validation.body" : "validation.value");
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return Texts.Get("validation.enum", string.Join(", ", Enum.GetNames(type)));
        }

        return type switch
        {
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => Texts.Get("validation.date"),
            _ when type == typeof(DateOnly) => Texts.Get("validation.dateOnly"),
            _ when type == typeof(TimeOnly) => Texts.Get("validation.timeOnly"),
            _ when type == typeof(bool) => Texts.Get("validation.boolean"),
            _ when type == typeof(Guid) => Texts.Get("validation.guid"),
            _ when type.IsPrimitive || type == typeof(decimal) => Texts.Get("validation.number"),
            _ => Texts.Get("validation.value"),
        };
    }

    /// <summary>Follows the JSON path through the endpoint's declared body type to learn what was expected.</summary>
    private static Type? ResolveTargetType(HttpContext httpContext, string? path)
    {
        // The exception handler clears the endpoint before it runs; the feature keeps the one that failed.
        var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint();
        var bodyType = endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType;
        if (bodyType is null || string.IsNullOrEmpty(path))
        {
            return null;
        }

        var current = bodyType;
        foreach (var segment in JsonPathToField(path).Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment;
            var indexed = name.IndexOf('[', StringComparison.Ordinal);
            if (indexed >= 0)
            {
                name = name[..indexed];
            }

            var property = current.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                return null;
            }

            current = property.PropertyType;
            if (indexed >= 0)
            {
                current = current.IsArray ? current.GetElementType()! : current.GetGenericArguments().FirstOrDefault() ?? current;
            }
        }

        return current;
    }

    [System.Text.RegularExpressions.GeneratedRegex("parameter \"(?:[^\"]*?\\s)?(?<name>[A-Za-z0-9_]+)\"")]
    private static partial System.Text.RegularExpressions.Regex ParameterName();
}
