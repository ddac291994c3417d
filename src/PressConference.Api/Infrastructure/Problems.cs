using Microsoft.AspNetCore.Http.HttpResults;

namespace PressConference.Api.Infrastructure;

/// <summary>RFC 9457 answers for the expected failures, with a stable machine-readable <c>code</c> and localized text.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string entityKey) =>
        Problem(StatusCodes.Status404NotFound, "NotFound", Texts.Get("problem.notFound", Texts.Get(entityKey)));

    public static ProblemHttpResult Conflict(string code, string detail, IDictionary<string, object?>? extensions = null) =>
        Problem(StatusCodes.Status409Conflict, code, detail, extensions);

    /// <summary>The title is the status's own sentence unless the caller knows better what happened (a wrong password is not "not signed in").</summary>
    public static ProblemHttpResult Problem(int status, string code, string detail, IDictionary<string, object?>? extensions = null, string? title = null)
    {
        var all = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code };
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions)
            {
                all[key] = value;
            }
        }

        return TypedResults.Problem(detail: detail, statusCode: status, title: title ?? Texts.Get($"status.{status}"), extensions: all);
    }

    /// <summary>A 400 naming one field and why, shaped like every other validation answer.</summary>
    public static ValidationProblem Field(string field, string message) =>
        Fields(new Dictionary<string, string[]> { [field] = [message] });

    public static ValidationProblem Fields(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: Texts.Get("validation.title"),
            extensions: new Dictionary<string, object?> { ["code"] = "ValidationFailed" });
}
