using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PressConference.Api.Notifications;

/// <summary>
/// What a message shows besides the briefing, fixed when it is planned and stored as JSON in
/// <see cref="Notification.Data"/>; the briefing itself (title, time, venue) is read when the message is composed, so
/// a message always shows it as it is then. One record per template family; <see cref="TypeFor"/> says which a kind
/// uses, for writing and for reading back.
/// </summary>
/// <remarks>
/// Property names are the keys of the dictionary rows written before these records existed ("passUrl",
/// "waitlistPosition", "oldStartsAt", …), and numbers are read from strings too, so such rows still waiting in the
/// outbox read back into these records. Keep the names (and the JSON shape flat) while such rows may wait.
/// </remarks>
public abstract record NotificationData
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // readable Vietnamese in the outbox
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new UtcInstantConverter() },
    };

    public static Type TypeFor(NotificationKind kind) => kind switch
    {
        NotificationKind.RegistrationApproved or NotificationKind.RegistrationWaitlisted or NotificationKind.RegistrationPromoted
            or NotificationKind.RegistrationPendingReview or NotificationKind.RegistrationRejected => typeof(RegistrationDecisionData),
        NotificationKind.BriefingReminder or NotificationKind.RemotePointReminder => typeof(ReminderData),
        NotificationKind.BriefingRescheduled => typeof(RescheduledData),
        NotificationKind.BriefingVenueChanged => typeof(VenueChangedData),
        NotificationKind.BriefingCancelled => typeof(CancelledData),
        NotificationKind.RegistrationClosedDigest or NotificationKind.SeriesPreparation => typeof(BriefingData),
        NotificationKind.ComplianceWarning => typeof(ComplianceWarningData),
        NotificationKind.AccountEmailConfirmation or NotificationKind.AccountPasswordReset => typeof(AccountLinkData),
        NotificationKind.RemotePointLinked or NotificationKind.RemotePointUnlinked => typeof(RemotePointLinkData),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No template data for this kind."),
    };

    public static NotificationData Read(NotificationKind kind, string json) =>
        (NotificationData)(JsonSerializer.Deserialize(json, TypeFor(kind), Json) ?? throw new JsonException($"No {kind} data."));

    /// <summary>The JSON of the row; refuses data of another family than the kind's, which could not be read back.</summary>
    public string WriteFor(NotificationKind kind) => TypeFor(kind) == GetType()
        ? JsonSerializer.Serialize(this, GetType(), Json)
        : throw new ArgumentException($"{kind} takes {TypeFor(kind).Name}, not {GetType().Name}.", nameof(kind));

    /// <summary>Instants are UTC everywhere in the service; EF may hand them over unmarked, the JSON marks them (…Z).</summary>
    private sealed class UtcInstantConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTime() is var instant && instant.Kind == DateTimeKind.Local ? instant.ToUniversalTime() : DateTime.SpecifyKind(instant, DateTimeKind.Utc);

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(DateTime.SpecifyKind(value, DateTimeKind.Utc));
    }
}

/// <summary>
/// Messages about where someone attends: a reporter registered at a remote point, or the point itself. The caller
/// gives <see cref="RemotePointId"/>; the planner adds the point's name, address and video link as they are then.
/// </summary>
public abstract record AttendanceData : NotificationData
{
    public Guid? RemotePointId { get; init; }
    public string? RemotePointName { get; init; }
    public string? RemotePointAddress { get; init; }
    public string? VideoLink { get; init; }
}

/// <summary>A decision on a registration: the pass link, the waitlist position, or the reasons (one per line), as it applies.</summary>
public sealed record RegistrationDecisionData(string? PassUrl = null, int? WaitlistPosition = null, string? Reasons = null) : AttendanceData;

/// <summary>A reporter's reminder (with their pass link) or a remote point's.</summary>
public sealed record ReminderData(string? PassUrl = null) : AttendanceData;

public sealed record RescheduledData(DateTime OldStartsAt, DateTime OldEndsAt, string? Reason) : AttendanceData;

public sealed record VenueChangedData(string? OldVenue, string? Reason) : AttendanceData;

public sealed record CancelledData(string? Reason) : AttendanceData;

/// <summary>A remote point linked to a briefing (with its seats there) or unlinked from it.</summary>
public sealed record RemotePointLinkData(int? Seats = null) : AttendanceData;

/// <summary>Nothing beyond the briefing: the organizers' digest and a series' preparation reminder (their lists are read when sent).</summary>
public sealed record BriefingData : NotificationData;

/// <summary>The office must hold a regular briefing by <see cref="DeadlineAt"/>; checked again when due.</summary>
public sealed record ComplianceWarningData(string HostAgency, DateTime DeadlineAt, DateTime LastHeldAt, string LastHeldTitle, int Months)
    : NotificationData;

/// <summary>An account mail: the one-time link (confirm the address, reset the password) and who sends it.</summary>
public sealed record AccountLinkData(string Link, string HostAgency) : NotificationData;
