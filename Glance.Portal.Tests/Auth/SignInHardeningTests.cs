using System.Net;
using System.Text.RegularExpressions;
using Glance.Portal.Auth;
using Glance.Portal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Glance.Portal.Tests.Auth;

/// <summary>Redirects that stay on the site, forms that need their token, sign-out by POST only, and the cookies' Secure flag.</summary>
public sealed partial class SignInHardeningTests(DevIdentityFactory factory) : IClassFixture<DevIdentityFactory>
{
    [Theory]
    [InlineData("/%09/evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("/images\\..\\\\evil.example")]
    [InlineData("/images\r\nSet-Cookie: x=1")]
    [InlineData("/images\n")]
    [InlineData("https://evil.example/")]
    [InlineData("evil.example")]
    [InlineData("")]
    [InlineData(null)]
    public void A_return_url_that_could_leave_the_site_becomes_the_home_page(string? url)
    {
        // "/%09/…" as it arrives after the query string is decoded holds a tab.
        var decoded = url is null ? null : Uri.UnescapeDataString(url);
        Assert.Equal("/", LoginLogoutEndpoints.LocalUrl(decoded));
        Assert.Equal("/", LoginLogoutEndpoints.LocalUrl(url));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/images?q=ubuntu&scope=public")]
    [InlineData("/images/6f1c7d0e-1234-4b1a-9e1b-0a1b2c3d4e5f")]
    [InlineData("/images?q=%2F%2Fnot-a-host")]
    public void A_path_on_the_site_is_kept(string url) => Assert.Equal(url, LoginLogoutEndpoints.LocalUrl(url));

    [Theory]
    [InlineData("/dev-identity/login?returnUrl=%2F%09%2Fevil.example")]
    [InlineData("/dev-identity/login?returnUrl=%2F%2Fevil.example")]
    [InlineData("/dev-identity/login?returnUrl=%2Fx%0D%0ALocation:%20http://evil.example")]
    [InlineData("/authentication/login?returnUrl=%5C%5Cevil.example")]
    [InlineData("/authentication/login?returnUrl=%2Fx%0D%0ASet-Cookie:%20a=b")]
    public async Task Sign_in_pages_with_a_hostile_return_url_answer_normally(string path)
    {
        var response = await NoRedirects().GetAsync(path);

        Assert.True((int)response.StatusCode is 200 or 302, $"{path} answered {(int)response.StatusCode}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("evil.example", body);
        Assert.DoesNotContain("evil.example", response.Headers.Location?.ToString() ?? "");
    }

    [Fact]
    public async Task Sign_out_without_the_antiforgery_token_is_400_with_a_reason()
    {
        var response = await NoRedirects().PostAsync("/authentication/logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("did not come from this site", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_development_providers_sign_out_takes_no_get()
    {
        var response = await NoRedirects().GetAsync("/connect/logout");

        // No GET endpoint is mapped there, so routing answers as for any unknown path.
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
    }

    [Fact]
    public async Task The_portals_cookies_are_secure_over_https_and_only_then()
    {
        var https = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        var http = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        var overHttps = SetCookies(await https.GetAsync("/dev-identity/login")).ToList();
        var overHttp = SetCookies(await http.GetAsync("/dev-identity/login")).ToList();

        Assert.NotEmpty(overHttps);
        Assert.All(overHttps, c => Assert.Matches(SecureFlag(), c));
        Assert.NotEmpty(overHttp);
        Assert.All(overHttp, c => Assert.DoesNotMatch(SecureFlag(), c));
    }

    private HttpClient NoRedirects() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    [GeneratedRegex(@";\s*secure(;|$)", RegexOptions.IgnoreCase)]
    private static partial Regex SecureFlag();
}

/// <summary>The password limit of the embedded provider, on its own portal so no other test's sign-ins count.</summary>
public sealed class LoginRateLimitTests : IAsyncLifetime
{
    private readonly DevIdentityFactory _factory = new();

    public ValueTask InitializeAsync()
    {
        _factory.With("Glance:DevIdentity:LoginAttemptsPerMinute", "3");
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Guessing_one_accounts_password_is_429_with_retry_after_while_other_accounts_still_sign_in()
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await _factory.RequestTokenAsync("bob", "guess" + attempt)).StatusCode);
        }

        var limited = await _factory.RequestTokenAsync("bob", "bob");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single());
        Assert.InRange(retryAfter, 1, 60);
        Assert.Contains("Too many sign-in attempts", await limited.Content.ReadAsStringAsync());
        // Upper case is the same account; another account is not held up.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await _factory.RequestTokenAsync("BOB", "bob")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _factory.RequestTokenAsync("alice", "alice")).StatusCode);
    }
}
