namespace Glance.Domain.Persistence;

/// <summary>LIKE patterns with the backslash as escape, so that LIKE's wildcards in a word are taken literally.</summary>
public static class LikePattern
{
    /// <summary>A pattern for a substring.</summary>
    public static string Contains(string word) => "%" + Escape(word) + "%";

    public static string Escape(string text) =>
        text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
