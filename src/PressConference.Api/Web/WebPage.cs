using Microsoft.AspNetCore.Components;

namespace PressConference.Api.Web;

/// <summary>Base of the pages: the request they render for (static rendering always has one).</summary>
public abstract class WebPage : ComponentBase
{
    [CascadingParameter] public HttpContext? HttpContext { get; set; }

    /// <summary>Ends the service calls of a request the browser gave up on.</summary>
    protected CancellationToken Aborted => HttpContext?.RequestAborted ?? CancellationToken.None;

    /// <summary>Sets the answer's status (404 for a briefing that is not there) while the response has not started.</summary>
    protected void SetStatus(int status)
    {
        if (HttpContext is { Response.HasStarted: false } context)
        {
            context.Response.StatusCode = status;
        }
    }
}
