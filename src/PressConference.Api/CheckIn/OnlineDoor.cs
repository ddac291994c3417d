using System.Security.Claims;

namespace PressConference.Api.CheckIn;

/// <summary>A door with network: each scan is judged now, for the door the account stands at, and answered at once.</summary>
public sealed class OnlineDoor(DoorScanner scanner, ScanDescriptions descriptions, TimeProvider clock)
{
    public async Task<ScanResponse> ScanAsync(ScanRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var (door, refusal) = await scanner.ResolveDoorAsync(user, request.BriefingId, request.RemotePointId, request.DoorId, null,
            ScanSource.Online, ct);
        var outcome = await scanner.ScanAsync(request.Token, door, refusal, clock.GetUtcNow().UtcDateTime, ct);
        return await descriptions.DescribeAsync(outcome, ct);
    }
}
