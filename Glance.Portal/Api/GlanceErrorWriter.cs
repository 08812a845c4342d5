using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Glance.Portal.Api;

/// <summary>
/// Writes an error the way Glance's webob error pages look, chosen by <c>Accept</c>: JSON for
/// <c>application/json</c>, HTML for <c>text/html</c> or <c>*/*</c>, plain text otherwise (reference §0).
/// </summary>
internal static class GlanceErrorWriter
{
    public static Task WriteAsync(HttpContext context, int status, string message)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return Task.CompletedTask;
        }
        response.StatusCode = status;
        var title = ReasonPhrases.GetReasonPhrase(status);
        var code = $"{status} {title}";
        var accept = context.Request.Headers.Accept.ToString();

        if (accept.Contains("application/json", StringComparison.OrdinalIgnoreCase))
        {
            response.ContentType = "application/json";
            var body = JsonSerializer.Serialize(new { message = $"{message}<br /><br />\n\n\n", code, title });
            return response.WriteAsync(body, Encoding.UTF8);
        }
        if (accept.Contains("text/html", StringComparison.OrdinalIgnoreCase) || accept.Contains("*/*", StringComparison.Ordinal))
        {
            response.ContentType = "text/html; charset=UTF-8";
            var html = $"<html>\n <head>\n  <title>{code}</title>\n </head>\n <body>\n  <h1>{code}</h1>\n  {WebUtility.HtmlEncode(message)}<br /><br />\n\n\n\n </body>\n</html>";
            return response.WriteAsync(html, Encoding.UTF8);
        }
        response.ContentType = "text/plain; charset=UTF-8";
        return response.WriteAsync($"{code}\n\n{message}\n\n   ", Encoding.UTF8);
    }
}
