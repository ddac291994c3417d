using PressConference.Api.Accreditation;

namespace PressConference.Api.Passes;

/// <summary>
/// A registration holds a live pass exactly while it is Approved: approval issues (or reinstates) it, cancellation
/// cancels it, and any other move away from Approved (rejected afterwards, back to review because the credential no
/// longer covers the date or was blocked) revokes it.
/// </summary>
public sealed class RegistrationPasses(PassIssuer issuer) : IRegistrationStatusHandler
{
    public async Task HandleAsync(RegistrationStatusChange change, CancellationToken ct)
    {
        var registration = change.Registration;
        switch (registration.Status)
        {
            case RegistrationStatus.Approved:
                await issuer.IssueAsync(registration.Id, registration.ReporterId, registration.BriefingId, registration.RemotePointId,
                    registration.HolderName, registration.OutletName, ct);
                break;
            case RegistrationStatus.Cancelled:
                await issuer.RevokeAsync(registration.Id, PassRevocation.Cancelled, change.At, ct);
                break;
            default:
                await issuer.RevokeAsync(registration.Id, PassRevocation.Revoked, change.At, ct);
                break;
        }
    }
}

/// <summary>A file a reporter can be handed their pass in.</summary>
public sealed record PassFile(string FileName, string ContentType, byte[] Content);

/// <summary>The live pass as files (its QR as a picture, the printable page), e.g. for the e-mails that carry it; none without a live pass.</summary>
public sealed class PassFiles(PassLookup passes, Microsoft.Extensions.Options.IOptions<PassOptions> options)
{
    public async Task<IReadOnlyList<PassFile>> ForRegistrationAsync(Guid registrationId, CancellationToken ct)
    {
        var pass = await passes.LoadLiveAsync(registrationId, ct);
        return pass is null
            ? []
            :
            [
                new PassFile("the-tham-du.png", "image/png", PassQr.Png(pass.Token, options.Value.PixelsPerModule)),
                new PassFile("the-tham-du.html", "text/html; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(PrintablePass.Render(pass))),
            ];
    }
}
