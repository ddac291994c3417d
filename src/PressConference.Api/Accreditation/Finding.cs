using System.Text.Json;
using System.Text.Json.Serialization;

namespace PressConference.Api.Accreditation;

public enum FindingSeverity
{
    /// <summary>The registration is rejected.</summary>
    Hard,

    /// <summary>A person decides: the registration goes to review.</summary>
    Soft,
}

/// <summary>The codes clients rely on; hard ones reject, soft ones send to review.</summary>
public enum FindingCode
{
    BriefingNotOpen,
    RegistrationClosed,
    OutletUnknown,
    OutletSuspended,
    OutletRevoked,
    CardExpired,
    CardRevoked,
    CardSeriesCutOff,
    LetterWrongAgency,
    LetterNotValidOnDate,
    LetterContentMissing,
    NameMismatch,
    /// <summary>Found on registrations stored before a repeat was answered with the open registration instead (issue 12); no longer raised.</summary>
    AlreadyRegistered,
    CredentialBlocked,
    NameMatchesWithoutDiacritics,
    OutletMatchedByAlias,
    ManualReviewRequired,
}

/// <summary>One result of the automated checks. Stored with its arguments; the message is rendered in the reader's language.</summary>
public sealed record Finding(FindingCode Code, string[] Args)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public Finding(FindingCode code, params object?[] args)
        : this(code, args.Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty).ToArray())
    {
    }

    public FindingSeverity Severity => SeverityOf(Code);

    public static FindingSeverity SeverityOf(FindingCode code) =>
        code is FindingCode.NameMatchesWithoutDiacritics or FindingCode.OutletMatchedByAlias or FindingCode.ManualReviewRequired
            ? FindingSeverity.Soft
            : FindingSeverity.Hard;

    public FindingResponse ToResponse() => new(Code, Severity, Texts.Get($"finding.{Code}", Args.Cast<object?>().ToArray()));

    internal static string Serialize(IEnumerable<Finding> findings) =>
        JsonSerializer.Serialize(findings.Select(f => new Stored(f.Code, f.Args)), JsonOptions);

    internal static IReadOnlyList<Finding> Parse(string? json) => string.IsNullOrEmpty(json)
        ? []
        : (JsonSerializer.Deserialize<List<Stored>>(json, JsonOptions) ?? []).Select(s => new Finding(s.Code, s.Args ?? [])).ToList();

    private sealed record Stored(FindingCode Code, string[]? Args);
}

public sealed record FindingResponse(FindingCode Code, FindingSeverity Severity, string Message);
