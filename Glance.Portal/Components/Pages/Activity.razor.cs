using Glance.Domain.Audit;
using Glance.Domain.Common;
using Glance.Portal.Components.Shared;
using Glance.Portal.Components.Sharing;
using Microsoft.AspNetCore.Components;

namespace Glance.Portal.Components.Pages;

/// <summary>The project's trail with its filters, which live in the URL so that a view can be bookmarked.</summary>
public partial class Activity
{
    private static readonly (AuditKind Kind, string Label)[] s_kinds =
        [(AuditKind.Lifecycle, "Created, uploaded, deleted"), (AuditKind.Edits, "Edits and tags"), (AuditKind.Sharing, "Sharing")];

    [Inject] private AuditTrail Audit { get; set; } = null!;

    [Inject] private PortalCaller Caller { get; set; } = null!;

    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "kind")] private string[]? Kind { get; set; }

    [SupplyParameterFromQuery(Name = "image")] private string? Image { get; set; }

    [SupplyParameterFromQuery(Name = "who")] private string? Who { get; set; }

    [SupplyParameterFromQuery(Name = "from")] private string? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")] private string? To { get; set; }

    private CallerContext? _caller;
    private string? _project;
    private ActivityFilter _filter = new();
    private List<AuditEvent> _events = [];
    private AuditChoices _choices = new([], new Dictionary<string, string>());
    private long? _next;

    protected override async Task OnParametersSetAsync()
    {
        _caller ??= await Caller.GetAsync();
        _project = _caller.ProjectId;
        _filter = ActivityFilter.Read(Kind, Image, Who, From, To);
        if (_project is null)
        {
            return;
        }
        _choices = await Audit.ChoicesAsync(_caller, _project);
        var page = await Audit.ForProjectAsync(_caller, _project, _filter.ToQuery());
        (_events, _next) = (page.Events.ToList(), page.Next);
    }

    private async Task OlderAsync()
    {
        var page = await Audit.ForProjectAsync(_caller!, _project!, _filter.ToQuery() with { OlderThan = _next });
        _events.AddRange(page.Events);
        _next = page.Next;
    }

    private Task GoAsync(ActivityFilter filter)
    {
        Navigation.NavigateTo(Url(filter));
        return Task.CompletedTask;
    }

    private static string Url(ActivityFilter filter) => filter.ToUrl();
}
