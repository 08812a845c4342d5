using Glance.Domain.Common;

namespace Glance.Portal.Api.V2;

/// <summary>Glance refuses a body on GET and DELETE of its resources (400 <c>A body is not expected with this request.</c>).</summary>
internal sealed class RejectBodyFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.ToString().Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            throw new ValidationException("A body is not expected with this request.");
        }
        return next(context);
    }
}

internal static class RejectBodyFilterExtensions
{
    public static RouteHandlerBuilder RejectBody(this RouteHandlerBuilder builder) => builder.AddEndpointFilter<RejectBodyFilter>();
}
