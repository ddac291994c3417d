using System.Globalization;
using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace PressConference.Api.Infrastructure;

public static class InfrastructureSetup
{
    public static readonly CultureInfo[] Cultures = [new("vi"), new("en")];

    public static WebApplicationBuilder AddInfrastructure(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);

        services.AddOptions<OfficeOptions>().BindConfiguration(OfficeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RequestLimitOptions>().BindConfiguration(RequestLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
            kestrel.Limits.MaxRequestBodySize = context.Configuration.GetValue<long?>($"{RequestLimitOptions.Section}:MaxBodyBytes") ?? 1024 * 1024);

        services.Configure<JsonOptions>(o =>
        {
            // Vietnamese text stays readable in answers; these are JSON documents, never inlined into HTML.
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.Converters.Add(new FlexibleDateTimeOffsetConverter());
            o.SerializerOptions.Converters.Add(new UtcDateTimeConverter());
        });
        // Minimal APIs throw BadHttpRequestException on unreadable input everywhere (not only in Development), so that
        // ProblemExceptionHandler can name the field instead of answering a bare 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            if (problem.Status is { } status && (problem.Title is null || IsDefaultTitle(problem.Title)))
            {
                problem.Title = Texts.All.ContainsKey($"status.{status}") ? Texts.Get($"status.{status}") : problem.Title;
            }

            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions.TryAdd("traceId", System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();

        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("vi");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
        });

        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : JsonNamingPolicy(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : JsonNamingPolicy(member.Name);
        services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: true);

        // The servers URL is the request's base ("http://host/"); OpenAPI linters refuse the trailing slash.
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            foreach (var server in document.Servers ?? [])
            {
                server.Url = server.Url?.TrimEnd('/');
            }

            return Task.CompletedTask;
        }).AddSchemaTransformer(OpenApiNullability.LeaveNullablePropertiesOptional));
        return builder;
    }

    public static WebApplication UseInfrastructure(this WebApplication app)
    {
        // Culture first: the exception handler and status-code pages below answer in the caller's language.
        app.UseRequestLocalization();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(RejectOversizedBodies);
        return app;
    }

    /// <summary>Refuses a declared Content-Length above the limit before anything reads it (Kestrel enforces the rest).</summary>
    private static async Task RejectOversizedBodies(HttpContext context, Func<Task> next)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? context.RequestServices.GetRequiredService<IOptions<RequestLimitOptions>>().Value.MaxBodyBytes;
        if (context.Request.ContentLength is { } length && length > limit)
        {
            await Problems.Problem(StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge", Texts.Get("validation.tooLarge", limit))
                .ExecuteAsync(context);
            return;
        }

        await next();
    }

    private static string JsonNamingPolicy(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);

    private static bool IsDefaultTitle(string title) =>
        title is "Bad Request" or "Unauthorized" or "Forbidden" or "Not Found" or "Method Not Allowed" or "Conflict"
            or "Payload Too Large" or "Unsupported Media Type" or "Too Many Requests" or "An error occurred while processing your request.";
}
