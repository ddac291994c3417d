using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace PressConference.Api.Outlets;

/// <summary>The registry of licensed press agencies: organizers keep it, every signed-in user can look names up.</summary>
public static class OutletEndpoints
{
    public static IEndpointRouteBuilder MapOutlets(this IEndpointRouteBuilder app)
    {
        // No policy on the group: policies add up, so each endpoint states its own.
        var group = app.MapGroup("/api/outlets").WithTags("Outlets");
        group.MapGet("/", List).RequireAuthorization(Policies.SignedIn);
        group.MapGet("/lookup", Lookup).RequireAuthorization(Policies.SignedIn);
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.SignedIn).WithName("GetOutlet");
        group.MapPost("/", Create).Validate<OutletRequest>().RequireAuthorization(Policies.Organizer);
        group.MapPut("/{id:guid}", Update).Validate<OutletRequest>().RequireAuthorization(Policies.Organizer);
        group.MapPost("/import", Import).RequireAuthorization(Policies.Organizer)
            .DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(CsvInput.MaxBytes));
        return app;
    }

    private static async Task<Ok<Paged<OutletResponse>>> List(AppDbContext db, string? q, OutletStatus? status, int? page, int? pageSize,
        CancellationToken ct)
    {
        var query = db.Outlets.AsNoTracking().Include(o => o.Aliases).AsQueryable();
        var search = TextKey.Fold(q);
        if (search.Length > 0)
        {
            query = query.Where(o => o.NameKey.Contains(search) || o.Aliases.Any(a => a.NameKey.Contains(search)));
        }

        if (status is { } s)
        {
            query = query.Where(o => o.Status == s);
        }

        return TypedResults.Ok(await query.OrderBy(o => o.NameKey).ToPageAsync(page, pageSize, OutletResponse.From, ct));
    }

    /// <summary>Exact name look-up (folded), current names first, then aliases.</summary>
    private static async Task<Results<Ok<OutletMatchResponse>, ProblemHttpResult>> Lookup(AppDbContext db, string? name, CancellationToken ct) =>
        await OutletDirectory.FindByNameAsync(db, name, ct) is { } match
            ? TypedResults.Ok(new OutletMatchResponse(OutletResponse.From(match.Outlet), match.Alias is not null, match.Alias))
            : Problems.NotFound("entity.outlet");

    private static async Task<Results<Ok<OutletResponse>, ProblemHttpResult>> Get(Guid id, AppDbContext db, CancellationToken ct) =>
        await db.Outlets.AsNoTracking().Include(o => o.Aliases).FirstOrDefaultAsync(o => o.Id == id, ct) is { } outlet
            ? TypedResults.Ok(OutletResponse.From(outlet))
            : Problems.NotFound("entity.outlet");

    private static async Task<Results<CreatedAtRoute<OutletResponse>, ValidationProblem>> Create(OutletRequest request, AppDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var outlet = new Outlet { CreatedAt = now };
        Apply(outlet, request, now);
        if (await NameProblemAsync(db, outlet, ct) is { } problem)
        {
            return problem;
        }

        db.Outlets.Add(outlet);
        await db.SaveChangesAsync(ct);
        return TypedResults.CreatedAtRoute(OutletResponse.From(outlet), "GetOutlet", new { id = outlet.Id });
    }

    private static async Task<Results<Ok<OutletResponse>, ProblemHttpResult, ValidationProblem>> Update(Guid id, OutletRequest request,
        AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var outlet = await db.Outlets.Include(o => o.Aliases).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (outlet is null)
        {
            return Problems.NotFound("entity.outlet");
        }

        Apply(outlet, request, clock.GetUtcNow().UtcDateTime);
        if (await NameProblemAsync(db, outlet, ct) is { } problem)
        {
            return problem;
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(OutletResponse.From(outlet));
    }

    /// <summary>
    /// Creates or updates outlets from a CSV with the columns name, aliases (separated by ';'), licenceNumber, kind,
    /// status, statusFrom, statusUntil, contactEmail, contactPhone, address. A row matches an existing outlet by its
    /// current name or its licence number. Any bad row stops the whole file unless <c>partial=true</c>.
    /// </summary>
    private static async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>, ValidationProblem>> Import(HttpRequest http,
        bool? partial, AppDbContext db, IValidator<OutletRequest> validator, TimeProvider clock, CancellationToken ct)
    {
        var rows = await CsvInput.ReadAsync(http, ct);
        if (rows is null || rows.Count == 0)
        {
            return Problems.Field("file", Texts.Get("import.empty"));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var outlets = await db.Outlets.Include(o => o.Aliases).ToListAsync(ct);
        var report = new List<ImportRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, fields) in rows)
        {
            var name = fields.Field("name");
            var errors = new List<string>();
            var request = ParseRow(fields, errors);
            if (request is not null)
            {
                var result = await validator.ValidateAsync(request, ct);
                errors.AddRange(result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"));
            }

            var key = TextKey.Fold(name);
            if (key.Length > 0 && !seen.Add(key))
            {
                errors.Add(Texts.Get("import.duplicateRow"));
            }

            if (errors.Count > 0 || request is null)
            {
                report.Add(new ImportRow(line, name, ImportOutcome.Refused, errors));
                continue;
            }

            var licence = request.LicenceNumber?.Trim();
            var existing = outlets.FirstOrDefault(o => o.NameKey == key)
                ?? (licence is { Length: > 0 } ? outlets.FirstOrDefault(o => o.LicenceNumber == licence) : null);
            var keys = (request.Aliases ?? []).Select(TextKey.Fold).Append(key).ToHashSet(StringComparer.Ordinal);
            if (outlets.Any(o => o != existing && (keys.Contains(o.NameKey) || o.Aliases.Any(a => keys.Contains(a.NameKey)))))
            {
                report.Add(new ImportRow(line, name, ImportOutcome.Refused, [Texts.Get("outlet.nameTaken")]));
                continue;
            }

            var target = existing ?? new Outlet { CreatedAt = now };
            Apply(target, request, now);
            if (existing is null)
            {
                outlets.Add(target);
                db.Outlets.Add(target);
            }

            report.Add(new ImportRow(line, name, existing is null ? ImportOutcome.Created : ImportOutcome.Updated, []));
        }

        if (report.Any(r => r.Outcome == ImportOutcome.Refused) && partial != true)
        {
            db.ChangeTracker.Clear();
            return TypedResults.UnprocessableEntity(ImportReport.From(report, applied: false));
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ImportReport.From(report, applied: true));
    }

    private static OutletRequest? ParseRow(Dictionary<string, string> fields, List<string> errors)
    {
        OutletKind? kind = null;
        if (fields.Field("kind") is { } k)
        {
            if (Enum.TryParse<OutletKind>(k, ignoreCase: true, out var parsed) && !int.TryParse(k, out _))
            {
                kind = parsed;
            }
            else
            {
                errors.Add($"kind: {Texts.Get("validation.enum", string.Join(", ", Enum.GetNames<OutletKind>()))}");
            }
        }

        var status = OutletStatus.Active;
        if (fields.Field("status") is { } s && (!Enum.TryParse(s, ignoreCase: true, out status) || int.TryParse(s, out _)))
        {
            errors.Add($"status: {Texts.Get("validation.enum", string.Join(", ", Enum.GetNames<OutletStatus>()))}");
        }

        DateOnly? Date(string field)
        {
            if (fields.Field(field) is not { } text)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
            {
                return d;
            }

            errors.Add($"{field}: {Texts.Get("validation.dateOnly")}");
            return null;
        }

        var from = Date("statusFrom");
        var until = Date("statusUntil");
        var aliases = (fields.Field("aliases") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return errors.Count > 0 ? null : new OutletRequest(fields.Field("name"), aliases, fields.Field("licenceNumber"), kind, status, from, until,
            fields.Field("contactEmail"), fields.Field("contactPhone"), fields.Field("address"));
    }

    private static async Task<ValidationProblem?> NameProblemAsync(AppDbContext db, Outlet outlet, CancellationToken ct)
    {
        var keys = outlet.Aliases.Select(a => a.NameKey).Append(outlet.NameKey).ToList();
        var taken = await db.Outlets.AnyAsync(o => o.Id != outlet.Id
            && (keys.Contains(o.NameKey) || o.Aliases.Any(a => keys.Contains(a.NameKey))), ct);
        return taken ? Problems.Field("name", Texts.Get("outlet.nameTaken")) : null;
    }

    private static void Apply(Outlet outlet, OutletRequest request, DateTime now)
    {
        outlet.Name = request.Name!.Trim();
        outlet.NameKey = TextKey.Fold(outlet.Name);
        outlet.LicenceNumber = Clean(request.LicenceNumber);
        outlet.Kind = request.Kind!.Value;
        outlet.Status = request.Status!.Value;
        outlet.StatusFrom = outlet.Status == OutletStatus.Active ? null : request.StatusFrom;
        outlet.StatusUntil = outlet.Status == OutletStatus.Suspended ? request.StatusUntil : null;
        outlet.ContactEmail = Clean(request.ContactEmail);
        outlet.ContactPhone = Clean(request.ContactPhone);
        outlet.Address = Clean(request.Address);
        outlet.SetAliases(request.Aliases ?? []);
        outlet.UpdatedAt = now;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
