using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace PressConference.Api.Door;

/// <summary>
/// The door-staff page: plain static files from wwwroot/door, served at /door by this service itself.
/// </summary>
public static class DoorSetup
{
    public const string Path = "/door";

    /// <summary>
    /// Serves /door before authentication and authorization run: the page itself is public (it holds no data; every
    /// API call it makes carries the door-staff member's bearer token), while the fallback policy would otherwise
    /// demand a signed-in user for a plain GET of index.html. Static files are middleware, not endpoints, so they
    /// stay out of the endpoint policy walk.
    /// </summary>
    public static WebApplication UseDoorPage(this WebApplication app)
    {
        var folder = System.IO.Path.Combine(app.Environment.WebRootPath ?? System.IO.Path.Combine(app.Environment.ContentRootPath, "wwwroot"), "door");
        if (!Directory.Exists(folder))
        {
            app.Logger.LogWarning("The door page folder {Folder} is missing; /door is not served", folder);
            return app;
        }

        var files = new PhysicalFileProvider(folder);
        // A branch of its own: whatever is not a file of the page ends here as 404 instead of falling through to the
        // API's authorization (which would answer an anonymous caller 401 for a mistyped file name).
        app.Map(Path, branch =>
        {
            branch.Use(AddPageHeaders);
            // The pages' catch-all "not found" route matches every path before this branch runs, and static files are
            // not served for a request that already has an endpoint: under /door the page's files win.
            branch.Use((context, next) =>
            {
                context.SetEndpoint(null);
                return next(context);
            });
            // /door redirects to /door/, which serves index.html.
            branch.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            branch.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                // A door updated during the day picks up the new page on its next load; unchanged files answer 304.
                OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
            });
            branch.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
        return app;
    }

    private static Task AddPageHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        // Only our own scripts run, the page talks only to this service, and it cannot be framed; the camera is allowed
        // for this origin (the QR scanner) and nothing else.
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "media-src 'self' blob:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
        headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=()";
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        return next();
    }
}
