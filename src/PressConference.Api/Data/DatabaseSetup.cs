using System.Data.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PressConference.Api.Data;

public static class DatabaseSetup
{
    public const string ConnectionStringName = "PressConference";
    private const string DefaultConnectionString = "Data Source=App_Data/pressconference.db";

    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddDbContext<AppDbContext>((sp, options) =>
        {
            var configured = builder.Configuration.GetConnectionString(ConnectionStringName);
            var connectionString = ResolveSqlite(string.IsNullOrWhiteSpace(configured) ? DefaultConnectionString : configured,
                builder.Environment.ContentRootPath);
            options.UseSqlite(connectionString).AddInterceptors(SqlitePragmas.Instance);
        });
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");

        // Data Protection keys live in the database too, so that a restart or a second host can still read what the
        // first protected: the pass signing keys and the bearer tokens.
        builder.Services.AddDataProtection().SetApplicationName("PressConference").PersistKeysToDbContext<AppDbContext>();
        return builder;
    }

    /// <summary>Makes a relative file path absolute under the content root and creates its folder.</summary>
    internal static string ResolveSqlite(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.DataSource is { Length: > 0 } file && file != ":memory:" && csb.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.IsPathRooted(file) ? file : Path.GetFullPath(Path.Combine(contentRoot, file));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            csb.DataSource = path;
        }

        // Microsoft.Data.Sqlite retries a busy database for this long before giving up.
        if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
        {
            csb.DefaultTimeout = 30;
        }

        return csb.ToString();
    }

    /// <summary>Applies migrations and switches the file to WAL so readers never wait for the writer.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    /// <summary>Every SQLite connection waits up to 10 s for a lock instead of failing with SQLITE_BUSY.</summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout=10000;";
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout=10000;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
