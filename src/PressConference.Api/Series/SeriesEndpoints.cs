using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PressConference.Api.Briefings;

namespace PressConference.Api.Series;

/// <summary>Either <c>dayOfMonth</c> (1–28) or <c>weekday</c> + <c>weekOfMonth</c> (1–4, -1 for the last).</summary>
public sealed record SeriesRequest(string? TitleTemplate, string? TopicTemplate, DayOfWeek? Weekday, int? WeekOfMonth, int? DayOfMonth,
    string? LocalStartTime, int? DurationMinutes, string? Venue, string? HostAgency, int? Capacity, Guid? SpokespersonId, int? HorizonMonths,
    bool? Publish);

public sealed record SeriesResponse(Guid Id, string TitleTemplate, string? TopicTemplate, DayOfWeek? Weekday, int? WeekOfMonth, int? DayOfMonth,
    string LocalStartTime, int DurationMinutes, string Venue, string HostAgency, int Capacity, Guid? SpokespersonId, int HorizonMonths,
    bool Publish, IReadOnlyList<BriefingResponse> Briefings)
{
    public static SeriesResponse From(BriefingSeries s, IEnumerable<Briefing> briefings) => new(s.Id, s.TitleTemplate, s.TopicTemplate,
        s.Weekday, s.WeekOfMonth, s.DayOfMonth, s.LocalStartTime.ToString("HH:mm", CultureInfo.InvariantCulture), s.DurationMinutes, s.Venue,
        s.HostAgency, s.Capacity, s.SpokespersonId, s.HorizonMonths, s.Publish,
        briefings.OrderBy(b => b.StartsAt).Select(BriefingResponse.From).ToList());
}

public sealed record SeriesCreatedResponse(SeriesResponse Series, IReadOnlyList<BriefingResponse> Briefings, IReadOnlyList<SeriesOccurrenceKept> LeftAsDraft);

/// <summary>What a rule change did: occurrences moved or retitled, kept as they were (and why), and newly generated.</summary>
public sealed record SeriesChangeReport(SeriesResponse Series, IReadOnlyList<SeriesOccurrenceChange> Updated,
    IReadOnlyList<SeriesOccurrenceKept> Kept, IReadOnlyList<BriefingResponse> Created);

public static class SeriesEndpoints
{
    public static IEndpointRouteBuilder MapSeries(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/briefing-series").WithTags("Series").RequireAuthorization(Policies.Organizer).WritesInTransaction();
        group.MapPost("/", Create).Validate<SeriesRequest>();
        group.MapGet("/", List);
        group.MapGet("/{id:guid}", Get).WithName("GetSeries");
        group.MapPut("/{id:guid}", Update).Validate<SeriesRequest>();
        return app;
    }

    private static async Task<Results<Created<SeriesCreatedResponse>, ValidationProblem>> Create(SeriesRequest request, AppDbContext db,
        SeriesGenerator generator, IOptions<OfficeOptions> office, IOptions<SeriesOptions> options, TimeProvider clock, CancellationToken ct)
    {
        if (await CheckSpokespersonAsync(db, request.SpokespersonId, ct) is { } invalid)
        {
            return invalid;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var series = new BriefingSeries { CreatedAt = now };
        Apply(series, request, office.Value, options.Value, now);
        db.BriefingSeries.Add(series);
        var generated = await generator.ExtendAsync(series, ct);
        await db.SaveChangesAsync(ct);

        var briefings = generated.Created.Select(BriefingResponse.From).ToList();
        return TypedResults.Created($"/api/briefing-series/{series.Id}",
            new SeriesCreatedResponse(SeriesResponse.From(series, generated.Created), briefings, generated.LeftAsDraft));
    }

    private static async Task<Ok<List<SeriesResponse>>> List(AppDbContext db, CancellationToken ct)
    {
        var all = await db.BriefingSeries.AsNoTracking().OrderBy(s => s.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(all.Select(s => SeriesResponse.From(s, [])).ToList());
    }

    private static async Task<Results<Ok<SeriesResponse>, ProblemHttpResult>> Get(Guid id, AppDbContext db, CancellationToken ct)
    {
        var series = await db.BriefingSeries.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (series is null)
        {
            return Problems.NotFound("entity.series");
        }

        var briefings = await db.Briefings.AsNoTracking().Include(b => b.Spokespersons).Where(b => b.SeriesId == id).ToListAsync(ct);
        return TypedResults.Ok(SeriesResponse.From(series, briefings));
    }

    private static async Task<Results<Ok<SeriesChangeReport>, ProblemHttpResult, ValidationProblem>> Update(Guid id, SeriesRequest request,
        AppDbContext db, SeriesGenerator generator, IOptions<OfficeOptions> office, IOptions<SeriesOptions> options, TimeProvider clock,
        CancellationToken ct)
    {
        var series = await db.BriefingSeries.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (series is null)
        {
            return Problems.NotFound("entity.series");
        }

        if (await CheckSpokespersonAsync(db, request.SpokespersonId, ct) is { } invalid)
        {
            return invalid;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Apply(series, request, office.Value, options.Value, now);
        var (updated, kept, generated) = await generator.ApplyRuleChangeAsync(series, ct);
        await db.SaveChangesAsync(ct);

        var briefings = await db.Briefings.AsNoTracking().Include(b => b.Spokespersons).Where(b => b.SeriesId == id).ToListAsync(ct);
        return TypedResults.Ok(new SeriesChangeReport(SeriesResponse.From(series, briefings), updated,
            kept.Concat(generated.LeftAsDraft).ToList(), generated.Created.Select(BriefingResponse.From).ToList()));
    }

    private static async Task<ValidationProblem?> CheckSpokespersonAsync(AppDbContext db, Guid? id, CancellationToken ct) =>
        id is { } value && !await db.Spokespersons.AnyAsync(s => s.Id == value, ct)
            ? Problems.Field("spokespersonId", Texts.Get("briefing.spokespersonUnknown", value))
            : null;

    private static void Apply(BriefingSeries s, SeriesRequest r, OfficeOptions office, SeriesOptions options, DateTime now)
    {
        s.TitleTemplate = r.TitleTemplate!.Trim();
        s.TopicTemplate = string.IsNullOrWhiteSpace(r.TopicTemplate) ? null : r.TopicTemplate.Trim();
        s.DayOfMonth = r.DayOfMonth;
        s.Weekday = r.DayOfMonth is null ? r.Weekday : null;
        s.WeekOfMonth = r.DayOfMonth is null ? r.WeekOfMonth : null;
        s.LocalStartTime = SeriesRequestValidator.ParseTime(r.LocalStartTime)!.Value;
        s.DurationMinutes = r.DurationMinutes ?? 90;
        s.Venue = string.IsNullOrWhiteSpace(r.Venue) ? office.MainVenue : r.Venue.Trim();
        s.HostAgency = string.IsNullOrWhiteSpace(r.HostAgency) ? office.HostAgency : r.HostAgency.Trim();
        s.Capacity = r.Capacity ?? office.MainVenueCapacity;
        s.SpokespersonId = r.SpokespersonId;
        s.HorizonMonths = r.HorizonMonths ?? options.DefaultHorizonMonths;
        s.Publish = r.Publish ?? false;
        s.UpdatedAt = now;
    }
}

public sealed class SeriesRequestValidator : AbstractValidator<SeriesRequest>
{
    public SeriesRequestValidator()
    {
        RuleFor(r => r.TitleTemplate).NotEmpty().MaximumLength(200);
        RuleFor(r => r.TitleTemplate).Must(HaveOnlyKnownPlaceholders).When(r => r.TitleTemplate is not null)
            .WithMessage(_ => Texts.Get("series.placeholders", string.Join(", ", BriefingSeries.Placeholders)));
        RuleFor(r => r.TopicTemplate).MaximumLength(4000);
        RuleFor(r => r.DayOfMonth).InclusiveBetween(1, 28);
        RuleFor(r => r.DayOfMonth).Null().When(r => r.Weekday is not null || r.WeekOfMonth is not null)
            .WithMessage(_ => Texts.Get("series.eitherRule"));
        RuleFor(r => r.Weekday).NotNull().When(r => r.DayOfMonth is null).WithMessage(_ => Texts.Get("series.eitherRule"));
        RuleFor(r => r.Weekday).IsInEnum();
        RuleFor(r => r.WeekOfMonth).NotNull().When(r => r.DayOfMonth is null).WithMessage(_ => Texts.Get("series.eitherRule"));
        RuleFor(r => r.WeekOfMonth).Must(w => w is null or -1 or (>= 1 and <= 4)).WithMessage(_ => Texts.Get("series.weekOfMonth"));
        RuleFor(r => r.LocalStartTime).NotEmpty();
        RuleFor(r => r.LocalStartTime).Must(t => ParseTime(t) is not null).When(r => !string.IsNullOrEmpty(r.LocalStartTime))
            .WithMessage(_ => Texts.Get("validation.timeOnly"));
        RuleFor(r => r.DurationMinutes).InclusiveBetween(15, 12 * 60);
        RuleFor(r => r.Venue).MaximumLength(300);
        RuleFor(r => r.HostAgency).MaximumLength(300);
        RuleFor(r => r.Capacity).InclusiveBetween(0, 100_000);
        RuleFor(r => r.HorizonMonths).InclusiveBetween(1, 36);
    }

    internal static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    private static bool HaveOnlyKnownPlaceholders(string? template)
    {
        var rest = template!;
        foreach (var placeholder in BriefingSeries.Placeholders)
        {
            rest = rest.Replace(placeholder, string.Empty, StringComparison.Ordinal);
        }

        return !rest.Contains('{', StringComparison.Ordinal) && !rest.Contains('}', StringComparison.Ordinal);
    }
}
