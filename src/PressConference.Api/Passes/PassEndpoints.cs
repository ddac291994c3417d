using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PressConference.Api.Briefings;
using PressConference.Api.Data;
using PressConference.Api.Infrastructure;

namespace PressConference.Api.Passes;

public sealed record PassBriefing(Guid Id, string Title, DateTime StartsAt, DateTime EndsAt, DateTimeOffset LocalStart, DateTimeOffset LocalEnd,
    string Venue, BriefingStatus Status);

public enum PassStatus
{
    Valid,
    Revoked,
    Cancelled,
}

/// <summary><c>location</c> is the place's display name (the main venue or the remote point); <c>remotePointId</c> null means the main venue.</summary>
public sealed record PassResponse(Guid PassId, Guid RegistrationId, string Token, PassBriefing Briefing, string Location, Guid? RemotePointId,
    string? LocationAddress, string ReporterName, string OutletName, DateTime ValidFrom, DateTime ValidUntil, DateTimeOffset LocalValidFrom,
    DateTimeOffset LocalValidUntil, PassStatus Status, DateTime? RevokedAt, int KeyId, DateTime IssuedAt);

public static class PassEndpoints
{
    public static IEndpointRouteBuilder MapPasses(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/registrations/{id:guid}").WithTags("Passes").RequireAuthorization(Policies.SignedIn);
        group.MapGet("/pass", Get);
        group.MapGet("/pass.png", Png);
        group.MapGet("/pass.svg", Svg);
        group.MapGet("/pass.html", Html);
        return app;
    }

    private static async Task<Results<Ok<PassResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var view = await LoadAsync(db, id, user, ct);
        return view is null ? Problems.NotFound("entity.pass") : TypedResults.Ok(view.Response);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Png(Guid id, ClaimsPrincipal user, AppDbContext db,
        IOptions<PassOptions> options, CancellationToken ct) =>
        await LoadAsync(db, id, user, ct) switch
        {
            null => Problems.NotFound("entity.pass"),
            { Response.Status: not PassStatus.Valid } => Problems.Conflict("PassRevoked", Texts.Get("pass.revoked")),
            var view => TypedResults.File(PassQr.Png(view.Response.Token, options.Value.PixelsPerModule), "image/png", $"pass-{id}.png"),
        };

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Svg(Guid id, ClaimsPrincipal user, AppDbContext db,
        IOptions<PassOptions> options, CancellationToken ct) =>
        await LoadAsync(db, id, user, ct) switch
        {
            null => Problems.NotFound("entity.pass"),
            { Response.Status: not PassStatus.Valid } => Problems.Conflict("PassRevoked", Texts.Get("pass.revoked")),
            var view => TypedResults.Content(PassQr.Svg(view.Response.Token, options.Value.PixelsPerModule), "image/svg+xml", Encoding.UTF8),
        };

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Html(Guid id, ClaimsPrincipal user, AppDbContext db,
        HttpContext http, CancellationToken ct)
    {
        var view = await LoadAsync(db, id, user, ct);
        if (view is null)
        {
            return Problems.NotFound("entity.pass");
        }

        if (view.Response.Status != PassStatus.Valid)
        {
            return Problems.Conflict("PassRevoked", Texts.Get("pass.revoked"));
        }

        // The page is self-contained: no script, no outside resource.
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
        return TypedResults.Content(PrintablePass.Render(view.Response), "text/html", Encoding.UTF8);
    }

    private sealed record PassView(PassResponse Response);

    /// <summary>The pass of a registration, for its owner or an organizer; anyone else is told it does not exist.</summary>
    private static async Task<PassView?> LoadAsync(AppDbContext db, Guid registrationId, ClaimsPrincipal user, CancellationToken ct)
    {
        var pass = await db.Passes.AsNoTracking().FirstOrDefaultAsync(p => p.RegistrationId == registrationId, ct);
        if (pass is null || (pass.OwnerId != user.UserId() && !user.IsOrganizer()))
        {
            return null;
        }

        return new PassView(await DescribeAsync(db, pass, ct));
    }

    /// <summary>The registration's pass as its owner sees it, when it is valid (for the e-mails that carry it).</summary>
    internal static async Task<PassResponse?> LoadLiveAsync(AppDbContext db, Guid registrationId, CancellationToken ct)
    {
        var pass = await db.Passes.AsNoTracking().FirstOrDefaultAsync(p => p.RegistrationId == registrationId && p.RevokedAt == null, ct);
        return pass is null ? null : await DescribeAsync(db, pass, ct);
    }

    private static async Task<PassResponse> DescribeAsync(AppDbContext db, Pass pass, CancellationToken ct)
    {
        var briefing = await db.Briefings.AsNoTracking().FirstAsync(b => b.Id == pass.BriefingId, ct);
        var (location, address) = await PassLocations.DescribeAsync(db, briefing, pass.RemotePointId, ct);
        var status = pass.RevokedAt is null ? PassStatus.Valid
            : pass.RevocationReason == PassRevocation.Cancelled ? PassStatus.Cancelled : PassStatus.Revoked;
        return new PassResponse(pass.Id, pass.RegistrationId, pass.Token,
            new PassBriefing(briefing.Id, briefing.Title, briefing.StartsAt, briefing.EndsAt, VietnamTime.ToLocal(briefing.StartsAt),
                VietnamTime.ToLocal(briefing.EndsAt), briefing.Venue, briefing.Status),
            location, pass.RemotePointId, address, pass.ReporterName, pass.OutletName, pass.ValidFrom, pass.ValidUntil,
            VietnamTime.ToLocal(pass.ValidFrom), VietnamTime.ToLocal(pass.ValidUntil), status, pass.RevokedAt, pass.KeyId, pass.IssuedAt);
    }
}

/// <summary>Names of the places a pass can be for: the briefing's venue, or a remote point.</summary>
public static class PassLocations
{
    public static async Task<(string Name, string? Address)> DescribeAsync(AppDbContext db, Briefing briefing, Guid? remotePointId,
        CancellationToken ct)
    {
        if (remotePointId is null)
        {
            return (briefing.Venue, null);
        }

        var point = await db.RemotePoints.AsNoTracking().FirstOrDefaultAsync(p => p.Id == remotePointId, ct);
        return point is null ? (remotePointId.Value.ToString(), null) : (point.Name, point.Address);
    }

    /// <summary>Display names by (briefing, remote point) for many passes at once.</summary>
    public static async Task<Func<Guid, Guid?, string>> NamesAsync(AppDbContext db, IEnumerable<Guid> briefingIds, IEnumerable<Guid?> remotePointIds,
        CancellationToken ct)
    {
        var bIds = briefingIds.Distinct().ToList();
        var pIds = remotePointIds.OfType<Guid>().Distinct().ToList();
        var venues = await db.Briefings.AsNoTracking().Where(b => bIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Venue, ct);
        var points = await db.RemotePoints.AsNoTracking().Where(p => pIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return (briefingId, remotePointId) => remotePointId is { } p
            ? points.GetValueOrDefault(p) ?? p.ToString()
            : venues.GetValueOrDefault(briefingId) ?? Texts.Get("checkin.mainVenue");
    }
}

/// <summary>An A6 page to print: the QR code as inline SVG and the pass's details, in Vietnamese.</summary>
internal static class PrintablePass
{
    private static readonly CultureInfo Vi = new("vi");

    public static string Render(PassResponse pass)
    {
        var svg = PassQr.Svg(pass.Token, 4);
        svg = svg[svg.IndexOf("<svg", StringComparison.Ordinal)..];
        var place = pass.RemotePointId is null
            ? Row("pass.html.place", pass.Location)
            : Row("pass.html.remotePoint", pass.Location + (pass.LocationAddress is { } a ? " — " + a : string.Empty));
        return $$"""
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <title>{{E(T("pass.html.title"))}} — {{E(pass.ReporterName)}}</title>
            <style>
            @page { size: A6 portrait; margin: 0; }
            * { box-sizing: border-box; }
            body { margin: 0; font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #111; }
            .pass { width: 105mm; height: 148mm; padding: 6mm 7mm; display: flex; flex-direction: column; gap: 2mm; }
            h1 { font-size: 13pt; margin: 0; text-transform: uppercase; letter-spacing: .5pt; }
            h2 { font-size: 11pt; margin: 0; font-weight: 600; }
            .qr { width: 58mm; height: 58mm; margin: 1mm auto; }
            .qr svg { width: 100%; height: 100%; display: block; }
            dl { margin: 0; font-size: 9pt; display: grid; grid-template-columns: 30mm 1fr; gap: .8mm 2mm; }
            dt { color: #555; }
            dd { margin: 0; font-weight: 600; }
            .name { font-size: 14pt; text-align: center; font-weight: 700; margin: 0; }
            .outlet { font-size: 10pt; text-align: center; margin: 0; }
            .note { font-size: 7.5pt; color: #444; margin-top: auto; }
            </style>
            </head>
            <body>
            <main class="pass">
            <h1>{{E(T("pass.html.title"))}}</h1>
            <h2>{{E(pass.Briefing.Title)}}</h2>
            <div class="qr">{{svg}}</div>
            <p class="name">{{E(pass.ReporterName)}}</p>
            <p class="outlet">{{E(pass.OutletName)}}</p>
            <dl>
            {{Row("pass.html.reporter", pass.ReporterName)}}
            {{Row("pass.html.outlet", pass.OutletName)}}
            {{Row("pass.html.time", Day(pass.Briefing.LocalStart) + " – " + pass.Briefing.LocalEnd.ToString("HH:mm", Vi))}}
            {{place}}
            {{Row("pass.html.doorsOpen", Day(pass.LocalValidFrom))}}
            </dl>
            <p class="note">{{E(T("pass.html.note"))}}</p>
            </main>
            </body>
            </html>
            """;
    }

    private static string Row(string labelKey, string value) => $"<dt>{E(T(labelKey))}</dt><dd>{E(value)}</dd>";

    private static string Day(DateTimeOffset local) => Texts.Get(Vi, "pass.html.day", local, T($"weekday.{(int)local.DayOfWeek}"));

    private static string T(string key) => Texts.Get(Vi, key);

    /// <summary>Escapes markup only: Vietnamese letters stay as they are in a UTF-8 page (WebUtility would turn á into &amp;#225;).</summary>
    private static string E(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
}
