using Glance.Domain;
using Glance.Portal;
using Glance.Portal.Api;
using Glance.Portal.Auth;
using Glance.Portal.DevIdentity;
using Glance.Portal.Health;
using Glance.Portal.Hosting;
using Glance.Portal.Portal;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddGlanceDomain();
builder.Services.AddGlancePersistence(builder.Configuration);
builder.Services.AddGlanceStores(builder.Configuration);
builder.Services.AddGlanceApi();
builder.Services.AddGlanceApiAuthentication(builder.Configuration);
builder.Services.AddGlanceDevIdentity(builder.Configuration);
builder.Services.AddPortalAuthentication(builder.Configuration);
builder.Services.AddGlanceHealthChecks();
builder.Services.AddGlancePortal(builder.Configuration);

var app = builder.Build();

app.UseGlanceRequestIds();
app.UseDotSegmentGuard();
app.UseGlanceApi();
app.UsePortalErrors();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapGlanceHealthChecks();
app.MapGlanceApi();
app.MapGlanceDevIdentity();
app.MapLoginAndLogout();
app.MapGlancePortal();

app.AnnounceWhenReady();
app.Run();
