using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PressConference.Api.CheckIn;

public static class CheckInEndpoints
{
    public static IEndpointRouteBuilder MapCheckIn(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/checkin").WithTags("CheckIn").RequireAuthorization(Policies.DoorStaff);
        group.MapPost("/scans", Scan).Validate<ScanRequest>();
        group.MapPost("/sync", Sync).Validate<SyncRequest>();
        // Public keys are not secret, but only doors use them and the door page signs in first: DoorStaff, not anonymous.
        group.MapGet("/keys", Keys);
        group.MapPost("/keys/rotate", Rotate).RequireAuthorization(Policies.Admin);
        group.MapGet("/door-bindings", ListBindings).RequireAuthorization(Policies.Organizer);
        group.MapGet("/door-bindings/me", MyBinding);
        group.MapPut("/door-bindings/{userId}", Bind).RequireAuthorization(Policies.Organizer).Validate<DoorBindingRequest>();
        group.MapDelete("/door-bindings/{userId}", Unbind).RequireAuthorization(Policies.Organizer);

        app.MapGet("/api/briefings/{id:guid}/checkin-bundle", Bundle).WithTags("CheckIn").RequireAuthorization(Policies.DoorStaff);
        return app;
    }

    private static async Task<Ok<ScanResponse>> Scan(ScanRequest request, ClaimsPrincipal user, OnlineDoor door, CancellationToken ct) =>
        TypedResults.Ok(await door.ScanAsync(request, user, ct));

    private static async Task<Ok<SyncResponse>> Sync(SyncRequest request, ClaimsPrincipal user, OfflineSync sync, CancellationToken ct) =>
        TypedResults.Ok(await sync.SyncAsync(request, user, ct));

    private static async Task<Ok<KeysResponse>> Keys(DoorKeys keys, CancellationToken ct) => TypedResults.Ok(await keys.ListAsync(ct));

    private static async Task<Ok<KeysResponse>> Rotate(ClaimsPrincipal user, DoorKeys keys, CancellationToken ct) =>
        TypedResults.Ok(await keys.RotateAsync(user, ct));

    private static async Task<Ok<List<DoorBindingResponse>>> ListBindings(DoorBindingRegister bindings, CancellationToken ct) =>
        TypedResults.Ok(await bindings.ListAsync(ct));

    private static async Task<Ok<DoorBindingResponse>> MyBinding(ClaimsPrincipal user, DoorBindingRegister bindings, CancellationToken ct) =>
        TypedResults.Ok(await bindings.ForAsync(user, ct));

    private static async Task<Results<Ok<DoorBindingResponse>, ProblemHttpResult>> Bind(string userId, DoorBindingRequest request,
        ClaimsPrincipal organizer, DoorBindingRegister bindings, CancellationToken ct) =>
        Answer(await bindings.BindAccountAsync(userId, request.BriefingId!.Value, request.RemotePointId, organizer, ct));

    private static async Task<NoContent> Unbind(string userId, DoorBindingRegister bindings, CancellationToken ct)
    {
        await bindings.UnbindAccountAsync(userId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<CheckInBundle>, ProblemHttpResult>> Bundle(Guid id, [AsParameters] BundleQuery query,
        ClaimsPrincipal user, OfflineBundles bundles, CancellationToken ct) =>
        Answer(await bundles.ForDoorAsync(id, query.RemotePointId, user, ct));

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(CheckInAnswer<T> answer) where T : class =>
        answer.Value is { } value ? TypedResults.Ok(value) : Problem(answer.Refusal!);

    private static ProblemHttpResult Problem(CheckInRefusal refusal) => Problems.Problem(refusal.Kind switch
    {
        CheckInRefusalKind.NotFound => StatusCodes.Status404NotFound,
        CheckInRefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status409Conflict,
    }, refusal.Code, refusal.Detail);
}
