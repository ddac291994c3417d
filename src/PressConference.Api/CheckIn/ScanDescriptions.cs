using System.Globalization;
using PressConference.Api.Passes;

namespace PressConference.Api.CheckIn;

/// <summary>The screen's answer to a scan, with names and places resolved and the sentence in the caller's language.</summary>
public sealed class ScanDescriptions(AppDbContext db)
{
    public async Task<ScanResponse> DescribeAsync(ScanOutcome outcome, CancellationToken ct) =>
        (await DescribeWithAdmissionAsync(outcome, ct)).Response;

    /// <summary>The answer, and the door of the admission on record (this scan's when it admitted).</summary>
    public async Task<(ScanResponse Response, string? AdmissionDoor)> DescribeWithAdmissionAsync(ScanOutcome outcome, CancellationToken ct)
    {
        var pass = outcome.Pass;
        string? location = null;
        string? firstDoor = null;
        if (pass is not null)
        {
            var names = await PassLocations.NamesAsync(db, [pass.BriefingId], [pass.RemotePointId, outcome.CheckIn?.RemotePointId], ct);
            location = names(pass.BriefingId, pass.RemotePointId);
            firstDoor = outcome.CheckIn is { } c ? DoorName(c, names) : null;
        }

        // The pass row is authoritative online: a moved briefing's doors open (and close) when the row says.
        var opensAt = outcome.Reason == ScanRefusal.NotYetOpen ? pass?.ValidFrom : null;
        var closedAt = outcome.Reason == ScanRefusal.Closed ? pass?.ValidUntil : null;
        var message = outcome.Result switch
        {
            ScanResult.Admitted => Texts.Get("checkin.admitted", pass!.ReporterName, pass.OutletName),
            ScanResult.AlreadyCheckedIn => Texts.Get("checkin.already", VietnamTime.ToLocal(outcome.CheckIn!.CheckedInAt), firstDoor),
            _ when opensAt is { } opens => Texts.Get("checkin.reason.NotYetOpen.at", When(opens, outcome.ScannedAt)),
            _ when closedAt is { } closed => Texts.Get("checkin.reason.Closed.at", When(closed, outcome.ScannedAt)),
            _ => Texts.Get($"checkin.reason.{outcome.Reason}"),
        };
        var already = outcome.Result == ScanResult.AlreadyCheckedIn;
        var response = new ScanResponse(outcome.Result, outcome.Reason, message, pass?.Id, pass?.BriefingId, pass?.RemotePointId, pass?.ReporterName,
            pass?.OutletName, location, outcome.ScannedAt, outcome.Result == ScanResult.Refused ? null : outcome.CheckIn?.CheckedInAt,
            already ? outcome.CheckIn!.CheckedInAt : null, already ? firstDoor : null)
        {
            OpensAt = opensAt,
            ClosedAt = closedAt,
        };
        return (response, outcome.Result == ScanResult.Refused ? null : firstDoor);
    }

    /// <summary>A door time in Hanoi as staff say it: "HH:mm" on the day of the scan, "dd/MM/yyyy HH:mm" on another day.</summary>
    public static string When(DateTime instant, DateTime scannedAt)
    {
        var local = VietnamTime.ToLocal(instant);
        var format = local.Date == VietnamTime.ToLocal(scannedAt).Date ? "HH:mm" : "dd/MM/yyyy HH:mm";
        return local.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>Where a pass was admitted: "door (place)", or the place alone when the door gave no name.</summary>
    public static string DoorName(PassCheckIn checkIn, Func<Guid, Guid?, string> names)
    {
        var place = names(checkIn.BriefingId, checkIn.RemotePointId);
        return checkIn.DoorId is { } door ? string.Create(CultureInfo.InvariantCulture, $"{door} ({place})") : place;
    }
}
