using Glance.Domain.Common;
using Glance.Domain.ImageData;
using Glance.Portal.Api;
using Glance.Portal.Api.V2;
using Glance.Portal.Auth;
using Microsoft.AspNetCore.Antiforgery;

namespace Glance.Portal.Portal.Uploads;

/// <summary>
/// The portal's resumable upload: the browser begins a session for the file's size, sends the file in
/// chunks at explicit offsets, and after a dropped connection asks for the offset the server holds
/// and continues from there. Every write carries the page's antiforgery token.
/// </summary>
internal static class PortalUploadEndpoints
{
    public static IEndpointRouteBuilder MapPortalUploads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/portal/images/{imageId}/uploads", BeginAsync).RequireAuthorization().DisableAntiforgery();
        var session = endpoints.MapGroup("/portal/uploads/{sessionId}").RequireAuthorization().DisableAntiforgery();
        session.MapGet("/", Status);
        session.MapPut("/", AppendAsync);
        session.MapDelete("/", CancelAsync);
        return endpoints;
    }

    public sealed record BeginRequest(long Size);

    /// <summary>What the browser needs to go on: where to continue, and how the upload ended if it has.</summary>
    public sealed record UploadStatus(string Id, long Offset, long Size, string State, string? Message, int? Status);

    private static async Task<IResult> BeginAsync(string imageId, BeginRequest request, HttpContext context, IAntiforgery antiforgery, UploadSessions sessions)
    {
        if (await RefuseForgeryAsync(context, antiforgery) is { } refused)
        {
            return refused;
        }
        if (request.Size < 0)
        {
            return Results.Problem("The file size must not be negative.", statusCode: StatusCodes.Status400BadRequest);
        }
        try
        {
            var session = await sessions.BeginAsync(CallerContextFactory.From(context.User), imageId, request.Size);
            return Results.Ok(StatusOf(session));
        }
        catch (TooManyUploadsException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status429TooManyRequests);
        }
        catch (GlanceException ex)
        {
            return Results.Problem(ex.Message, statusCode: GlanceApiExceptionHandler.StatusFor(ex));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The store could not open the image's file: nothing was written, the image stays queued.
            return Results.Problem("The image store cannot take data now; try again later.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static IResult Status(string sessionId, HttpContext context, UploadSessions sessions) =>
        sessions.Find(sessionId, CallerContextFactory.From(context.User)) is { } session ? Results.Ok(StatusOf(session)) : Unknown();

    private static async Task<IResult> AppendAsync(string sessionId, long offset, HttpContext context, IAntiforgery antiforgery, UploadSessions sessions)
    {
        if (await RefuseForgeryAsync(context, antiforgery) is { } refused)
        {
            return refused;
        }
        if (sessions.Find(sessionId, CallerContextFactory.From(context.User)) is not { } session)
        {
            return Unknown();
        }
        // A chunk is small, but the whole file may exceed Kestrel's 30 MB limit counted per request on a
        // reused connection; the session's size is the bound that matters.
        ImageDataEndpoints.LiftRequestBodyLimit(context);
        var result = await session.AppendAsync(offset, context.Request.Body, context.RequestAborted);
        return result.Outcome switch
        {
            ChunkOutcome.Accepted or ChunkOutcome.Finished or ChunkOutcome.Cut => Results.Ok(StatusOf(session)),
            ChunkOutcome.Busy => Results.Json(StatusOf(session), statusCode: StatusCodes.Status409Conflict),
            ChunkOutcome.WrongOffset => Results.Json(StatusOf(session), statusCode: StatusCodes.Status409Conflict),
            ChunkOutcome.TooLong => Results.Problem($"The data is longer than the {session.Size} bytes announced for this upload; it was stopped.", statusCode: StatusCodes.Status400BadRequest),
            _ => Ended(session),
        };
    }

    private static async Task<IResult> CancelAsync(string sessionId, HttpContext context, IAntiforgery antiforgery, UploadSessions sessions)
    {
        if (await RefuseForgeryAsync(context, antiforgery) is { } refused)
        {
            return refused;
        }
        if (sessions.Find(sessionId, CallerContextFactory.From(context.User)) is not { } session)
        {
            return Unknown();
        }
        session.Cancel();
        try
        {
            await session.Completion;
        }
        catch
        {
            // Cancelled as asked: the domain has put the image back to queued without data.
        }
        // How it ended: "failed" (cancelled) as asked, or "active" when the data was stored before the cancel came.
        return Results.Ok(StatusOf(session));
    }

    private static async Task<IResult?> RefuseForgeryAsync(HttpContext context, IAntiforgery antiforgery) =>
        await antiforgery.IsRequestValidAsync(context)
            ? null
            : Results.Problem("The upload did not come from a portal page (antiforgery token missing or invalid).", statusCode: StatusCodes.Status400BadRequest);

    private static IResult Unknown() =>
        Results.Problem("This upload is not known here (it ended long ago, or the portal restarted). Upload the file again.", statusCode: StatusCodes.Status404NotFound);

    /// <summary>The ended upload's refusal with its status, as the API would answer it.</summary>
    private static IResult Ended(UploadSession session)
    {
        var status = StatusOf(session);
        return status.Status is { } code && code >= 400
            ? Results.Problem(status.Message, statusCode: code)
            : Results.Ok(status);
    }

    private static UploadStatus StatusOf(UploadSession session)
    {
        var completion = session.Completion;
        if (!completion.IsCompleted)
        {
            return new(session.Id, session.Received, session.Size, "receiving", null, null);
        }
        if (completion.IsCompletedSuccessfully)
        {
            return new(session.Id, session.Received, session.Size, "active", null, StatusCodes.Status204NoContent);
        }
        var error = completion.Exception?.InnerException;
        return error switch
        {
            OperationCanceledException or null => new(session.Id, session.Received, session.Size, "failed", "The upload was cancelled; the image has no data.", StatusCodes.Status409Conflict),
            GlanceException glance => new(session.Id, session.Received, session.Size, "failed", glance.Message, GlanceApiExceptionHandler.StatusFor(glance)),
            _ => new(session.Id, session.Received, session.Size, "failed", "The upload failed on the server; the image has no data. Try again.", StatusCodes.Status500InternalServerError),
        };
    }
}
