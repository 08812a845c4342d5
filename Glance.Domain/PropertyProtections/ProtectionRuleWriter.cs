using System.Text;

namespace Glance.Domain.PropertyProtections;

/// <summary>Writes a rule set as the INI file Glance reads (property-protections-roles.conf / -policies.conf).</summary>
public static class ProtectionRuleWriter
{
    public static string Write(ProtectionRuleSet rules)
    {
        var text = new StringBuilder();
        text.Append("# Property protections (").Append(rules.Format.ToWire()).Append(" format), exported by Glance Portal.\n");
        text.Append("# Sections are regular expressions over property names, tried in order; the first match decides.\n");
        foreach (var section in rules.Sections)
        {
            text.Append('\n').Append('[').Append(section.Pattern).Append("]\n");
            foreach (var operation in Enum.GetValues<PropertyOperation>())
            {
                text.Append(operation.ToWire()).Append(" = ").Append(section.Rules[operation]).Append('\n');
            }
        }
        return text.ToString();
    }
}
