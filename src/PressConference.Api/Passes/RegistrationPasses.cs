using PressConference.Api.Accreditation;
using PressConference.Api.Notifications;

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

/// <summary>The live pass rides along with the approval and the reminders: its QR as a picture and the printable page.</summary>
public sealed class PassAttachments(PassLookup passes, Microsoft.Extensions.Options.IOptions<PassOptions> options) : IReporterPassAttachments
{
    public async Task<IReadOnlyList<NotificationAttachment>> ForRegistrationAsync(Guid registrationId, CancellationToken ct)
    {
        var pass = await passes.LoadLiveAsync(registrationId, ct);
        return pass is null
            ? []
            :
            [
                new NotificationAttachment("the-tham-du.png", "image/png", PassQr.Png(pass.Token, options.Value.PixelsPerModule)),
                new NotificationAttachment("the-tham-du.html", "text/html; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(PrintablePass.Render(pass))),
            ];
    }
}
