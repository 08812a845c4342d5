namespace Glance.Domain.Policies;

/// <summary>
/// Parses oslo.policy's check-string language: <c>@</c>, <c>!</c>, <c>rule:</c>, <c>role:</c>,
/// generic <c>kind:match</c> checks, <c>not</c>, <c>and</c>, <c>or</c> (in that order of binding) and
/// parentheses. An empty string allows everything, as in oslo.policy.
/// </summary>
public static class PolicyParser
{
    public static PolicyCheck Parse(string text)
    {
        var tokens = Tokenize(text);
        if (tokens.Count == 0)
        {
            return new TrueCheck();
        }
        var position = 0;
        var check = ParseOr(tokens, ref position);
        if (position != tokens.Count)
        {
            throw new PolicySyntaxException($"unexpected '{tokens[position]}' in \"{text}\"");
        }
        return check;
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        foreach (var word in text.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var start = 0;
            var end = word.Length;
            while (start < end && word[start] == '(')
            {
                tokens.Add("(");
                start++;
            }
            var closing = 0;
            while (end > start && word[end - 1] == ')' && !word[start..end].EndsWith(")s", StringComparison.Ordinal))
            {
                closing++;
                end--;
            }
            if (end > start)
            {
                tokens.Add(word[start..end]);
            }
            tokens.AddRange(Enumerable.Repeat(")", closing));
        }
        return tokens;
    }

    private static PolicyCheck ParseOr(List<string> tokens, ref int position)
    {
        var checks = new List<PolicyCheck> { ParseAnd(tokens, ref position) };
        while (position < tokens.Count && tokens[position].Equals("or", StringComparison.OrdinalIgnoreCase))
        {
            position++;
            checks.Add(ParseAnd(tokens, ref position));
        }
        return checks.Count == 1 ? checks[0] : new OrCheck(checks);
    }

    private static PolicyCheck ParseAnd(List<string> tokens, ref int position)
    {
        var checks = new List<PolicyCheck> { ParseNot(tokens, ref position) };
        while (position < tokens.Count && tokens[position].Equals("and", StringComparison.OrdinalIgnoreCase))
        {
            position++;
            checks.Add(ParseNot(tokens, ref position));
        }
        return checks.Count == 1 ? checks[0] : new AndCheck(checks);
    }

    private static PolicyCheck ParseNot(List<string> tokens, ref int position)
    {
        if (position < tokens.Count && tokens[position].Equals("not", StringComparison.OrdinalIgnoreCase))
        {
            position++;
            return new NotCheck(ParseNot(tokens, ref position));
        }
        return ParseAtom(tokens, ref position);
    }

    private static PolicyCheck ParseAtom(List<string> tokens, ref int position)
    {
        if (position >= tokens.Count)
        {
            throw new PolicySyntaxException("the check string ends where a check was expected");
        }
        var token = tokens[position++];
        if (token == "(")
        {
            var inner = ParseOr(tokens, ref position);
            if (position >= tokens.Count || tokens[position] != ")")
            {
                throw new PolicySyntaxException("a '(' is never closed");
            }
            position++;
            return inner;
        }
        return token switch
        {
            "@" => new TrueCheck(),
            "!" => new FalseCheck(),
            ")" or "and" or "or" => throw new PolicySyntaxException($"unexpected '{token}'"),
            _ => ParseCheck(token),
        };
    }

    private static PolicyCheck ParseCheck(string token)
    {
        var colon = token.IndexOf(':');
        if (colon <= 0 || colon == token.Length - 1)
        {
            throw new PolicySyntaxException($"'{token}' is not a check of the form kind:match");
        }
        var kind = token[..colon];
        var match = token[(colon + 1)..];
        return kind switch
        {
            "rule" => new RuleCheck(match),
            "role" => new RoleCheck(match),
            "http" or "https" => throw new PolicySyntaxException($"'{token}': remote http checks are not supported"),
            _ => new GenericCheck(kind, match),
        };
    }
}

public sealed class PolicySyntaxException(string message) : Exception(message);
