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

        var message = outcome.Result switch
        {
            ScanResult.Admitted => Texts.Get("checkin.admitted", pass!.ReporterName, pass.OutletName),
            ScanResult.AlreadyCheckedIn => Texts.Get("checkin.already", VietnamTime.ToLocal(outcome.CheckIn!.CheckedInAt), firstDoor),
            _ => Texts.Get($"checkin.reason.{outcome.Reason}"),
        };
        var already = outcome.Result == ScanResult.AlreadyCheckedIn;
        var response = new ScanResponse(outcome.Result, outcome.Reason, message, pass?.Id, pass?.BriefingId, pass?.RemotePointId, pass?.ReporterName,
            pass?.OutletName, location, outcome.ScannedAt, outcome.Result == ScanResult.Refused ? null : outcome.CheckIn?.CheckedInAt,
            already ? outcome.CheckIn!.CheckedInAt : null, already ? firstDoor : null);
        return (response, outcome.Result == ScanResult.Refused ? null : firstDoor);
    }

    /// <summary>Where a pass was admitted: "door (place)", or the place alone when the door gave no name.</summary>
    public static string DoorName(PassCheckIn checkIn, Func<Guid, Guid?, string> names)
    {
        var place = names(checkIn.BriefingId, checkIn.RemotePointId);
        return checkIn.DoorId is { } door ? string.Create(CultureInfo.InvariantCulture, $"{door} ({place})") : place;
    }
}
