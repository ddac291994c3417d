using Microsoft.AspNetCore.Http.Metadata;
using PressConference.Api.Data;

namespace PressConference.Api.Infrastructure;

/// <summary>
/// Runs a write endpoint in one database transaction, committed only when it answers with success. A briefing change
/// reads the registrations and passes it must follow, then saves them with itself: on SQLite the transaction takes the
/// write lock first (BEGIN IMMEDIATE), so no registration decided in between is left behind.
/// </summary>
public static class WriteTransaction
{
    public static RouteHandlerBuilder InWriteTransaction(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(context.HttpContext.RequestAborted);
            var result = await next(context);
            if (IsSuccess(result))
            {
                await transaction.CommitAsync(context.HttpContext.RequestAborted);
            }

            return result;
        });

    private static bool IsSuccess(object? result)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        return result is IStatusCodeHttpResult { StatusCode: < 400 };
    }
}
