using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PressConference.Api.Infrastructure;

public enum RefusalKind
{
    /// <summary>What the request names does not exist (or is not the caller's to see): 404.</summary>
    NotFound,

    /// <summary>One field of the request is not acceptable: 400 naming the field.</summary>
    Invalid,

    /// <summary>The request is fine but the state does not allow it now: 409.</summary>
    Conflict,

    /// <summary>The caller may not do this yet (e.g. an unconfirmed e-mail address): 403.</summary>
    Forbidden,
}

/// <summary>
/// An expected "no" from a feature's service, with the stable <c>code</c> clients see in the problem details and a
/// sentence in the reader's language. A page shows it beside <see cref="Field"/>; an endpoint answers it with
/// <see cref="OutcomeHttp.ToHttp{T,TOk}"/>, the same problem details a handler used to build itself.
/// </summary>
public sealed record Refusal(RefusalKind Kind, string Code, string Detail, string? Field = null)
{
    public static Refusal NotFound(string entityKey) =>
        new(RefusalKind.NotFound, "NotFound", Texts.Get("problem.notFound", Texts.Get(entityKey)));

    public static Refusal Invalid(string field, string detail) => new(RefusalKind.Invalid, "ValidationFailed", detail, field);

    public static Refusal Conflict(string code, string detail) => new(RefusalKind.Conflict, code, detail);
}

/// <summary>What a service's write came to: done with a value, or refused. Expected outcomes are returned, never thrown.</summary>
public abstract record Outcome<T>
{
    private Outcome()
    {
    }

    public sealed record Done(T Value) : Outcome<T>;

    public sealed record Refused(Refusal Refusal) : Outcome<T>;

    public static implicit operator Outcome<T>(T value) => new Done(value);

    public static implicit operator Outcome<T>(Refusal refusal) => new Refused(refusal);
}

public static class OutcomeHttp
{
    /// <summary>Maps an outcome to its HTTP answer: <paramref name="ok"/> when done, else the refusal's problem details.</summary>
    public static Results<TOk, ProblemHttpResult, ValidationProblem> ToHttp<T, TOk>(this Outcome<T> outcome, Func<T, TOk> ok)
        where TOk : IResult => outcome switch
    {
        Outcome<T>.Done done => ok(done.Value),
        Outcome<T>.Refused { Refusal: { Kind: RefusalKind.Invalid, Field: { } field } refusal } => Problems.Field(field, refusal.Detail),
        Outcome<T>.Refused { Refusal: var refusal } => Problem(refusal),
        _ => throw new UnreachableException(),
    };

    /// <summary>
    /// As above, for a write that may find its work already done (a repeated request): <paramref name="created"/> when
    /// it made something, <paramref name="existing"/> when <paramref name="isExisting"/> says it answers what was there.
    /// </summary>
    public static Results<TCreated, TExisting, ProblemHttpResult, ValidationProblem> ToHttp<T, TCreated, TExisting>(this Outcome<T> outcome,
        Func<T, bool> isExisting, Func<T, TCreated> created, Func<T, TExisting> existing)
        where TCreated : IResult where TExisting : IResult => outcome switch
    {
        Outcome<T>.Done done when isExisting(done.Value) => existing(done.Value),
        Outcome<T>.Done done => created(done.Value),
        Outcome<T>.Refused { Refusal: { Kind: RefusalKind.Invalid, Field: { } field } refusal } => Problems.Field(field, refusal.Detail),
        Outcome<T>.Refused { Refusal: var refusal } => Problem(refusal),
        _ => throw new UnreachableException(),
    };

    private static ProblemHttpResult Problem(Refusal refusal) => refusal.Kind switch
    {
        RefusalKind.NotFound => Problems.Problem(StatusCodes.Status404NotFound, refusal.Code, refusal.Detail),
        RefusalKind.Forbidden => Problems.Problem(StatusCodes.Status403Forbidden, refusal.Code, refusal.Detail),
        _ => Problems.Conflict(refusal.Code, refusal.Detail),
    };
}
