using System.Globalization;
using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace PressConference.Api.Accreditation;

public sealed record CardRevocationRequest(string? Number, DateOnly? RevokedOn, string? Note);

public sealed record CardRevocationResponse(Guid Id, string Number, DateOnly RevokedOn, string? Note, DateTime CreatedAt)
{
    public static CardRevocationResponse From(CardRevocation r) => new(r.Id, r.Number, r.RevokedOn, r.Note, r.CreatedAt);
}

/// <summary>Press card numbers the office knows to be revoked; there is no public register to ask.</summary>
public static class CardRevocationEndpoints
{
    public static IEndpointRouteBuilder MapCardRevocations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/card-revocations").WithTags("Credentials").RequireAuthorization(Policies.Organizer);
        group.MapGet("/", List);
        group.MapPost("/", Create).Validate<CardRevocationRequest>().InWriteTransaction();
        group.MapDelete("/{id:guid}", Delete);
        group.MapPost("/import", Import).InWriteTransaction().DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(CsvInput.MaxBytes));
        return app;
    }

    private static async Task<Ok<Paged<CardRevocationResponse>>> List(AppDbContext db, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.CardRevocations.AsNoTracking();
        var number = CardRevocation.NormalizeNumber(q);
        if (number.Length > 0)
        {
            query = query.Where(r => r.Number.Contains(number));
        }

        return TypedResults.Ok(await query.OrderBy(r => r.Number).ToPageAsync(page, pageSize, CardRevocationResponse.From, ct));
    }

    private static async Task<Results<Created<CardRevocationResponse>, ValidationProblem>> Create(CardRevocationRequest request, ClaimsPrincipal user,
        AppDbContext db, RegistrationDecisions decisions, TimeProvider clock, CancellationToken ct)
    {
        var number = CardRevocation.NormalizeNumber(request.Number);
        if (await db.CardRevocations.AnyAsync(r => r.Number == number, ct))
        {
            return Problems.Field("number", Texts.Get("revocation.exists"));
        }

        var revocation = new CardRevocation { Number = number, RevokedOn = request.RevokedOn!.Value, Note = Clean(request.Note), CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.CardRevocations.Add(revocation);
        await db.SaveChangesAsync(ct);
        await decisions.RecheckRevokedCardsAsync([number], user, revocation.CreatedAt, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/card-revocations/{revocation.Id}", CardRevocationResponse.From(revocation));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, AppDbContext db, CancellationToken ct) =>
        await db.CardRevocations.Where(r => r.Id == id).ExecuteDeleteAsync(ct) == 1 ? TypedResults.NoContent() : Problems.NotFound("entity.revocation");

    /// <summary>CSV with the columns number, revokedOn (YYYY-MM-DD), note; a known number is updated. Bad rows stop the file unless partial=true.</summary>
    private static async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>, ValidationProblem>> Import(HttpRequest http, bool? partial,
        ClaimsPrincipal user, AppDbContext db, RegistrationDecisions decisions, IValidator<CardRevocationRequest> validator, TimeProvider clock,
        CancellationToken ct)
    {
        var rows = await CsvInput.ReadAsync(http, ct);
        if (rows is null || rows.Count == 0)
        {
            return Problems.Field("file", Texts.Get("import.empty"));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.CardRevocations.ToDictionaryAsync(r => r.Number, StringComparer.Ordinal, ct);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var report = new List<ImportRow>();
        foreach (var (line, fields) in rows)
        {
            var errors = new List<string>();
            DateOnly? revokedOn = null;
            if (fields.Field("revokedOn") is { } text)
            {
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    revokedOn = d;
                }
                else
                {
                    errors.Add($"revokedOn: {Texts.Get("validation.dateOnly")}");
                }
            }

            var request = new CardRevocationRequest(fields.Field("number"), revokedOn, fields.Field("note"));
            if (errors.Count == 0)
            {
                errors.AddRange((await validator.ValidateAsync(request, ct)).Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"));
            }

            var number = CardRevocation.NormalizeNumber(request.Number);
            if (number.Length > 0 && !seen.Add(number))
            {
                errors.Add(Texts.Get("import.duplicateRow"));
            }

            if (errors.Count > 0)
            {
                report.Add(new ImportRow(line, request.Number, ImportOutcome.Refused, errors));
                continue;
            }

            if (existing.TryGetValue(number, out var known))
            {
                known.RevokedOn = revokedOn!.Value;
                known.Note = Clean(request.Note);
                report.Add(new ImportRow(line, number, ImportOutcome.Updated, []));
            }
            else
            {
                db.CardRevocations.Add(new CardRevocation { Number = number, RevokedOn = revokedOn!.Value, Note = Clean(request.Note), CreatedAt = now });
                report.Add(new ImportRow(line, number, ImportOutcome.Created, []));
            }
        }

        if (report.Any(r => r.Outcome == ImportOutcome.Refused) && partial != true)
        {
            db.ChangeTracker.Clear();
            return TypedResults.UnprocessableEntity(ImportReport.From(report, applied: false));
        }

        await db.SaveChangesAsync(ct);
        var applied = report.Where(r => r.Outcome != ImportOutcome.Refused && r.Key is not null).Select(r => r.Key!).ToHashSet(StringComparer.Ordinal);
        await decisions.RecheckRevokedCardsAsync(applied, user, now, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ImportReport.From(report, applied: true));
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class CardRevocationRequestValidator : AbstractValidator<CardRevocationRequest>
{
    public CardRevocationRequestValidator()
    {
        RuleFor(r => r.Number).NotEmpty().MaximumLength(20).Matches("^[A-Za-z0-9./ -]+$");
        RuleFor(r => r.RevokedOn).NotNull();
        RuleFor(r => r.Note).MaximumLength(1000);
    }
}
