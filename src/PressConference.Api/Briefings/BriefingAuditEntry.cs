using System.Security.Claims;
using System.Text.Json;

namespace PressConference.Api.Briefings;

/// <summary>One line of a briefing's history: who did what, when, and why.</summary>
public sealed class BriefingAuditEntry
{
    public long Id { get; init; }
    public Guid BriefingId { get; init; }
    public DateTime At { get; init; }
    public string? ActorId { get; init; }
    public string ActorName { get; init; } = string.Empty;
    public string Action { get; init; } = string.Empty;
    public string? Reason { get; init; }

    /// <summary>JSON with what changed (old and new values, conflicts overridden, ...).</summary>
    public string? Details { get; init; }

    /// <summary>The actor for changes made by the service itself (series generation, scheduled jobs).</summary>
    public const string SystemActor = "system";

    public static BriefingAuditEntry For(Guid briefingId, ClaimsPrincipal? actor, DateTime at, string action, string? reason = null,
        object? details = null) => new()
    {
        BriefingId = briefingId,
        At = at,
        ActorId = actor?.UserId(),
        ActorName = actor?.UserName() ?? SystemActor,
        Action = action,
        Reason = reason,
        Details = details is null ? null : JsonSerializer.Serialize(details, JsonOptions),
    };

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
