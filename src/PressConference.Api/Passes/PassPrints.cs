using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace PressConference.Api.Passes;

/// <summary>Why a pass cannot be shown or printed.</summary>
public enum PassPrintRefusal
{
    /// <summary>No pass, or not the caller's to see.</summary>
    NotFound,

    /// <summary>Revoked or cancelled: a door would turn it away, so it is not printed.</summary>
    NotLive,
}

/// <summary>A rendering of a pass (<c>Content</c>), or why there is none (<c>Refusal</c>).</summary>
public sealed record PassPrint<T>(T? Content, PassPrintRefusal? Refusal) where T : class;

/// <summary>
/// A reporter's pass to show or print: its QR code as PNG or SVG (size from <see cref="PassOptions"/>) and the printable
/// page, for its owner or an organizer, and only while the pass is valid.
/// </summary>
public sealed class PassPrints(PassLookup passes, IOptions<PassOptions> options)
{
    public Task<PassPrint<byte[]>> PngAsync(Guid registrationId, ClaimsPrincipal user, CancellationToken ct) =>
        RenderAsync(registrationId, user, pass => PassQr.Png(pass.Token, options.Value.PixelsPerModule), ct);

    public Task<PassPrint<string>> SvgAsync(Guid registrationId, ClaimsPrincipal user, CancellationToken ct) =>
        RenderAsync(registrationId, user, pass => PassQr.Svg(pass.Token, options.Value.PixelsPerModule), ct);

    /// <summary>The A6 page to print: self-contained HTML (inline SVG and style, no script).</summary>
    public Task<PassPrint<string>> PageAsync(Guid registrationId, ClaimsPrincipal user, CancellationToken ct) =>
        RenderAsync(registrationId, user, PrintablePass.Render, ct);

    private async Task<PassPrint<T>> RenderAsync<T>(Guid registrationId, ClaimsPrincipal user, Func<PassResponse, T> render, CancellationToken ct)
        where T : class =>
        await passes.FindAsync(registrationId, user, ct) switch
        {
            null => new PassPrint<T>(null, PassPrintRefusal.NotFound),
            { Status: not PassStatus.Valid } => new PassPrint<T>(null, PassPrintRefusal.NotLive),
            var pass => new PassPrint<T>(render(pass), null),
        };
}
