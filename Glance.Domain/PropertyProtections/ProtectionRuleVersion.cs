namespace Glance.Domain.PropertyProtections;

/// <summary>
/// One saved rule set. Versions are numbered from 1 and never change; the highest number is active.
/// A rollback saves an older version's rules again as a new version, so history only grows.
/// </summary>
public sealed class ProtectionRuleVersion
{
    private ProtectionRuleVersion()
    {
        Content = "";
    }

    internal ProtectionRuleVersion(int number, ProtectionRuleFormat format, string content, string? savedBy, string? savedByProject, DateTime savedAt, string? comment, string source)
    {
        Number = number;
        Format = format;
        Content = content;
        SavedBy = savedBy;
        SavedByProject = savedByProject;
        SavedAt = savedAt;
        Comment = comment;
        Source = source;
    }

    public int Number { get; private set; }

    public ProtectionRuleFormat Format { get; private set; }

    /// <summary>The rule file as saved.</summary>
    public string Content { get; private set; }

    public string? SavedBy { get; private set; }

    public string? SavedByProject { get; private set; }

    public DateTime SavedAt { get; private set; }

    public string? Comment { get; private set; }

    /// <summary><c>file</c> (imported at start-up), <c>editor</c>, or <c>rollback</c>.</summary>
    public string Source { get; private set; } = "";
}
