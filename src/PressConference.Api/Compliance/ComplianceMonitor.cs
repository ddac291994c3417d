using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;
using PressConference.Api.Briefings;

namespace PressConference.Api.Compliance;

/// <summary>
/// Decree 09/2017 asks a provincial People's Committee to brief the press at least every three months; Hanoi aims
/// for monthly. The office chooses its own maximum, never above the legal floor.
/// </summary>
public sealed class ComplianceOptions
{
    public const string Section = "Compliance";
    public const int LegalMaximumMonths = 3;

    [Range(1, LegalMaximumMonths)]
    public int MaxIntervalMonths { get; set; } = 1;
}

public sealed record ComplianceBriefing(Guid Id, string Title, BriefingStatus Status, DateTime StartsAt, DateTimeOffset LocalStart);

public sealed record ComplianceResponse(
    string HostAgency,
    int MaxIntervalMonths,
    int LegalMaximumMonths,
    ComplianceBriefing? LastHeld,
    ComplianceBriefing? NextScheduled,
    DateTimeOffset? Deadline,
    bool Exceeded,
    bool WillBeExceeded,
    string Message);

/// <summary>Whether an agency keeps the maximum interval between regular briefings: asked by the endpoint and by the notices.</summary>
public sealed class ComplianceMonitor(AppDbContext db, IOptions<ComplianceOptions> options)
{
    public int MaxIntervalMonths => options.Value.MaxIntervalMonths;

    /// <summary>The next regular briefing is due by this instant after one held at <paramref name="heldAt"/> (local months).</summary>
    public DateTimeOffset DeadlineAfter(DateTime heldAt) => VietnamTime.ToLocal(heldAt).AddMonths(MaxIntervalMonths);

    /// <summary>
    /// A regular briefing counts as held once it has started and was not cancelled (a posting on the portal does
    /// not count); the next scheduled one is the first future regular briefing that is not cancelled, draft or not.
    /// </summary>
    public async Task<ComplianceResponse> EvaluateAsync(string hostAgency, DateTime now, CancellationToken ct)
    {
        var maxMonths = MaxIntervalMonths;
        var key = TextKey.Fold(hostAgency);
        var regular = db.Briefings.AsNoTracking()
            .Where(b => b.Kind == BriefingKind.Regular && b.HostAgencyKey == key && b.Status != BriefingStatus.Cancelled);
        var lastHeld = await regular.Where(b => b.StartsAt <= now && b.Status != BriefingStatus.Draft)
            .OrderByDescending(b => b.StartsAt).FirstOrDefaultAsync(ct);
        var next = await regular.Where(b => b.StartsAt > now).OrderBy(b => b.StartsAt).FirstOrDefaultAsync(ct);

        DateTimeOffset? deadline = lastHeld is null ? null : DeadlineAfter(lastHeld.StartsAt);
        var exceeded = deadline is { } d1 && now > d1.UtcDateTime;
        var willBeExceeded = deadline is { } d2 && !exceeded && (next is null || next.StartsAt > d2.UtcDateTime);
        var message = lastHeld is null ? Texts.Get("compliance.never")
            : exceeded ? Texts.Get("compliance.exceeded", maxMonths)
            : willBeExceeded ? Texts.Get("compliance.willExceed", maxMonths, deadline!.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture))
            : Texts.Get("compliance.ok", maxMonths);

        return new ComplianceResponse(hostAgency, maxMonths, ComplianceOptions.LegalMaximumMonths, Summary(lastHeld), Summary(next), deadline,
            exceeded, willBeExceeded, message);
    }

    private static ComplianceBriefing? Summary(Briefing? b) =>
        b is null ? null : new ComplianceBriefing(b.Id, b.Title, b.Status, b.StartsAt, VietnamTime.ToLocal(b.StartsAt));
}

public static class ComplianceSetup
{
    public static WebApplicationBuilder AddCompliance(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ComplianceOptions>().BindConfiguration(ComplianceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<ComplianceMonitor>();
        return builder;
    }
}
