
namespace PressConference.Api.CheckIn;

public enum CheckInRefusalKind
{
    NotFound,
    Forbidden,
    Conflict,
}

/// <summary>
/// A request the check-in services will not carry out (unlike <see cref="ScanRefusal"/>, a door's verdict on a pass): its
/// kind, a stable code and the sentence to show, in the caller's language. An endpoint maps it to a problem, a page shows it.
/// </summary>
public sealed record CheckInRefusal(CheckInRefusalKind Kind, string Code, string Detail)
{
    public static CheckInRefusal NotFound(string entityKey) =>
        new(CheckInRefusalKind.NotFound, "NotFound", Texts.Get("problem.notFound", Texts.Get(entityKey)));
}

/// <summary>What a check-in service answers: the value, or the refusal.</summary>
public sealed record CheckInAnswer<T>(T? Value, CheckInRefusal? Refusal) where T : class;
