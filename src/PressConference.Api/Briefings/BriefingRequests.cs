using FluentValidation;

namespace PressConference.Api.Briefings;

/// <summary>
/// Body of POST and PUT /api/briefings. Times accept a local Asia/Ho_Chi_Minh time or an instant with an offset.
/// <c>force</c> with a <c>reason</c> publishes over a venue or spokesperson clash (audited).
/// </summary>
public sealed record BriefingRequest(
    string? Title,
    BriefingKind? Kind,
    string? Topic,
    string? TriggerReason,
    string? HostAgency,
    string? Venue,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    int? Capacity,
    DateTimeOffset? RegistrationOpensAt,
    DateTimeOffset? RegistrationClosesAt,
    int? DoorsOpenMinutesBefore,
    bool? AutoApprove,
    IReadOnlyList<Guid>? SpokespersonIds,
    bool? Force = null,
    string? Reason = null);

/// <summary>Optional body of publish: <c>force</c> with a <c>reason</c> overrides a schedule conflict.</summary>
public sealed record OverrideRequest(bool? Force, string? Reason);

public sealed record RescheduleRequest(DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Reason, bool? Force);

public sealed record CancelRequest(string? Reason);

public sealed record BriefingListQuery(string? From, string? To, string? Kind, string? Status, string? Q, int? Page, int? PageSize, string? Sort);

public sealed record BriefingResponse(
    Guid Id,
    string Title,
    BriefingKind Kind,
    string? Topic,
    string? TriggerReason,
    string HostAgency,
    string Venue,
    DateTime StartsAt,
    DateTime EndsAt,
    DateTimeOffset LocalStart,
    DateTimeOffset LocalEnd,
    int Capacity,
    DateTime? RegistrationOpensAt,
    DateTime RegistrationClosesAt,
    int DoorsOpenMinutesBefore,
    bool AutoApprove,
    IReadOnlyList<Guid> SpokespersonIds,
    BriefingStatus Status,
    Guid? SeriesId,
    string? CancellationReason,
    int Sequence)
{
    public static BriefingResponse From(Briefing b) => new(b.Id, b.Title, b.Kind, b.Topic, b.TriggerReason, b.HostAgency, b.Venue,
        b.StartsAt, b.EndsAt, VietnamTime.ToLocal(b.StartsAt), VietnamTime.ToLocal(b.EndsAt), b.Capacity, b.RegistrationOpensAt,
        b.RegistrationClosesAt, b.DoorsOpenMinutesBefore, b.AutoApprove, b.Spokespersons.Select(s => s.SpokespersonId).ToList(),
        b.Status, b.SeriesId, b.CancellationReason, b.Sequence);
}

public sealed record BriefingHistoryEntry(DateTime At, DateTimeOffset LocalAt, string Actor, string Action, string? Reason,
    System.Text.Json.JsonElement? Details);

public sealed class BriefingRequestValidator : AbstractValidator<BriefingRequest>
{
    public BriefingRequestValidator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(300);
        RuleFor(r => r.Kind).NotNull();
        RuleFor(r => r.Topic).MaximumLength(4000);
        RuleFor(r => r.TriggerReason).NotEmpty().When(r => r.Kind == BriefingKind.AdHoc)
            .WithMessage(_ => Texts.Get("briefing.triggerReasonRequired"));
        RuleFor(r => r.TriggerReason).MaximumLength(1000);
        RuleFor(r => r.HostAgency).MaximumLength(300);
        RuleFor(r => r.Venue).MaximumLength(300);
        RuleFor(r => r.StartsAt).NotNull();
        RuleFor(r => r.EndsAt).NotNull();
        RuleFor(r => r.EndsAt).Must((r, end) => end > r.StartsAt).When(r => r.StartsAt is not null && r.EndsAt is not null)
            .WithMessage(_ => Texts.Get("briefing.endsBeforeStart"));
        RuleFor(r => r.EndsAt).Must((r, end) => end - r.StartsAt <= TimeSpan.FromHours(24))
            .When(r => r.StartsAt is not null && r.EndsAt is not null).WithMessage(_ => Texts.Get("briefing.tooLong"));
        RuleFor(r => r.Capacity).InclusiveBetween(0, 100_000);
        RuleFor(r => r.DoorsOpenMinutesBefore).InclusiveBetween(0, 720);
        RuleFor(r => r.RegistrationClosesAt).Must((r, closes) => closes <= r.StartsAt)
            .When(r => r.RegistrationClosesAt is not null && r.StartsAt is not null).WithMessage(_ => Texts.Get("briefing.closesAfterStart"));
        RuleFor(r => r.RegistrationOpensAt).Must((r, opens) => opens < (r.RegistrationClosesAt ?? r.StartsAt))
            .When(r => r.RegistrationOpensAt is not null && r.StartsAt is not null).WithMessage(_ => Texts.Get("briefing.opensAfterClose"));
        RuleFor(r => r.SpokespersonIds).Must(ids => ids!.Count <= 10).When(r => r.SpokespersonIds is not null);
        RuleFor(r => r.Reason).NotEmpty().When(r => r.Force == true).WithMessage(_ => Texts.Get("briefing.forceReason"));
        RuleFor(r => r.Reason).MaximumLength(1000);
    }
}

public sealed class RescheduleRequestValidator : AbstractValidator<RescheduleRequest>
{
    public RescheduleRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.StartsAt).NotNull();
        RuleFor(r => r.StartsAt).Must(s => s > clock.GetUtcNow()).When(r => r.StartsAt is not null)
            .WithMessage(_ => Texts.Get("briefing.startInPast"));
        RuleFor(r => r.EndsAt).Must((r, end) => end > r.StartsAt).When(r => r.StartsAt is not null && r.EndsAt is not null)
            .WithMessage(_ => Texts.Get("briefing.endsBeforeStart"));
        RuleFor(r => r.EndsAt).Must((r, end) => end - r.StartsAt <= TimeSpan.FromHours(24))
            .When(r => r.StartsAt is not null && r.EndsAt is not null).WithMessage(_ => Texts.Get("briefing.tooLong"));
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(1000);
    }
}

public sealed class CancelRequestValidator : AbstractValidator<CancelRequest>
{
    public CancelRequestValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(1000);
}

public sealed class BriefingListQueryValidator : AbstractValidator<BriefingListQuery>
{
    public BriefingListQueryValidator()
    {
        RuleFor(q => q.From).Must(v => VietnamTime.TryParse(v, out _)).When(q => !string.IsNullOrEmpty(q.From))
            .WithMessage(_ => Texts.Get("validation.date"));
        RuleFor(q => q.To).Must(v => VietnamTime.TryParse(v, out _)).When(q => !string.IsNullOrEmpty(q.To))
            .WithMessage(_ => Texts.Get("validation.date"));
        RuleFor(q => q.Kind).IsEnumName(typeof(BriefingKind), caseSensitive: false).When(q => !string.IsNullOrEmpty(q.Kind))
            .WithMessage(_ => Texts.Get("validation.enum", string.Join(", ", Enum.GetNames<BriefingKind>())));
        RuleFor(q => q.Status).IsEnumName(typeof(BriefingStatus), caseSensitive: false).When(q => !string.IsNullOrEmpty(q.Status))
            .WithMessage(_ => Texts.Get("validation.enum", string.Join(", ", Enum.GetNames<BriefingStatus>())));
        RuleFor(q => q.Sort).Must(s => s is null or "start" or "newest")
            .WithMessage(_ => Texts.Get("validation.enum", "start, newest"));
        RuleFor(q => q.Q).MaximumLength(200);
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize);
    }
}
