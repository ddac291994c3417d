using Microsoft.AspNetCore.Http.Metadata;

namespace PressConference.Api.Infrastructure;

/// <summary>
/// Runs a write in one database transaction, committed only when it answers with success (decision 0009). A briefing
/// change reads the registrations and passes it must follow, then saves them with itself: on SQLite the transaction
/// takes the write lock first (BEGIN IMMEDIATE), so no registration decided in between is left behind.
/// </summary>
public static class WriteTransaction
{
    /// <summary>
    /// Every endpoint of the group that is not a read (GET, HEAD, OPTIONS) runs in the write transaction: a write added
    /// to the group later cannot forget it.
    /// </summary>
    public static RouteGroupBuilder WritesInTransaction(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(FilterAsync);
        return group;
    }

    /// <summary>One endpoint in the write transaction, for a group that also holds reads of other features.</summary>
    public static RouteHandlerBuilder InWriteTransaction(this RouteHandlerBuilder builder) => builder.AddEndpointFilter(FilterAsync);

    /// <summary>Work outside a request (a scheduled job, the demo seeder) in the same kind of transaction; saves and commits.</summary>
    public static async Task<T> RunAsync<T>(AppDbContext db, Func<Task<T>> work, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await work();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    private static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method)
            || db.Database.CurrentTransaction is not null)
        {
            return await next(context);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(http.RequestAborted);
        var result = await next(context);
        if (IsSuccess(result))
        {
            await transaction.CommitAsync(http.RequestAborted);
        }

        return result;
    }

    private static bool IsSuccess(object? result)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        return result is IStatusCodeHttpResult { StatusCode: < 400 };
    }
}
