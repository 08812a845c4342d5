using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Glance.Portal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Glance.Portal.Tests.Auth;

/// <summary>What the portal's pages fetch answers every error as problem details, never a sign-in page or an empty body.</summary>
public sealed class PortalErrorShapeTests(DevIdentityFactory factory) : IClassFixture<DevIdentityFactory>
{
    [Theory]
    [InlineData("GET", "/portal/images/6f1c7d0e-1234-4b1a-9e1b-0a1b2c3d4e5f/file", HttpStatusCode.Unauthorized)]
    [InlineData("POST", "/portal/images/6f1c7d0e-1234-4b1a-9e1b-0a1b2c3d4e5f/uploads", HttpStatusCode.Unauthorized)]
    [InlineData("PUT", "/portal/uploads/0123456789abcdef?offset=0", HttpStatusCode.Unauthorized)]
    [InlineData("DELETE", "/portal/images/6f1c7d0e-1234-4b1a-9e1b-0a1b2c3d4e5f/file", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/portal/nothing-here", HttpStatusCode.NotFound)]
    public async Task Errors_are_problem_details(string method, string path, HttpStatusCode expected)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal((int)expected, (int)problem!["status"]!);
    }
}
