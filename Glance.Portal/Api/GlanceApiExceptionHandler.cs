using Glance.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Glance.Portal.Api;

/// <summary>
/// The one place where a domain refusal becomes Glance's status code and error body. Endpoints
/// catch an exception themselves only where Glance answers differently for that one operation.
/// </summary>
internal sealed class GlanceApiExceptionHandler(IOptions<GlanceApiOptions> options, ILogger<GlanceApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (!context.Request.Path.StartsWithSegments(options.Value.PathBase))
        {
            return false;
        }
        var status = StatusFor(exception);
        if (status >= 500)
        {
            logger.LogError(exception, "Request {Method} {Path} failed", context.Request.Method, context.Request.Path);
        }
        var message = status == StatusCodes.Status500InternalServerError
            ? "The server has either erred or is incapable of performing the requested operation."
            : exception.Message;
        if (exception is RangeNotSatisfiableException { Size: { } size })
        {
            context.Response.Headers.ContentRange = $"bytes */{size}";
        }
        await GlanceErrorWriter.WriteAsync(context, status, message);
        return true;
    }

    public static int StatusFor(Exception exception) => exception switch
    {
        NotFoundException => StatusCodes.Status404NotFound,
        ForbiddenException => StatusCodes.Status403Forbidden,
        ValidationException => StatusCodes.Status400BadRequest,
        ConflictException => StatusCodes.Status409Conflict,
        QuotaExceededException => StatusCodes.Status413PayloadTooLarge,
        GoneException => StatusCodes.Status410Gone,
        InvalidTransitionException => StatusCodes.Status400BadRequest,
        RangeNotSatisfiableException => StatusCodes.Status416RangeNotSatisfiable,
        StoreUnavailableException => StatusCodes.Status503ServiceUnavailable,
        UploadStalledException => StatusCodes.Status408RequestTimeout,
        BadHttpRequestException bad => bad.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };
}
