using System.Globalization;
using Dvc.Core.Errors;
using Dvc.Core.Values;

namespace Dvc.Core.Overrides;

/// <summary>
/// <c>dvc exp run --queue</c> with sweeps (dvc/utils/hydra.py::get_hydra_sweeps): every override whose
/// value is a sweep (<c>a,b</c>, <c>choice(…)</c>, <c>range(…)</c>, <c>glob(…)</c>) stands for one override
/// per element, and the queue gets the cartesian product. As in Hydra's BasicSweeper, the product is
/// taken per params file with the last override varying fastest, then across files in the order they
/// first appear.
/// </summary>
internal static class SweepExpander
{
    /// <summary>Hydra's glob() picks among a config group's options; a params key has none, so here it
    /// picks among files: the project-relative paths matching its patterns.</summary>
    public static IReadOnlyList<SweepCombination> Expand(string setProperty, string projectDirectory)
    {
        var perFile = new List<(string File, List<List<string>> Choices)>();
        var anySweep = false;
        foreach (var argument in OverrideSplitter.Split(setProperty))
        {
            var (file, line) = SplitFile(argument);
            var choices = ExpandOne(line, projectDirectory, out var isSweep);
            anySweep |= isSweep;
            var group = perFile.FirstOrDefault(g => g.File == file);
            if (group.Choices is null)
            {
                group = (file, []);
                perFile.Add(group);
            }

            group.Choices.Add(choices);
        }

        var combinations = new List<SweepCombination> { new([]) };
        foreach (var (file, choices) in perFile)
        {
            foreach (var options in choices)
            {
                combinations = combinations
                    .SelectMany(c => options.Select(o => new SweepCombination([.. c.Overrides, (file, o)])))
                    .ToList();
            }
        }

        return anySweep ? combinations.Select(c => c with { IsSweep = true }).ToList() : combinations;
    }

    private static List<string> ExpandOne(string line, string projectDirectory, out bool isSweep)
    {
        isSweep = false;
        var equals = line.IndexOf('=');
        if (equals < 0 || line.StartsWith('~'))
        {
            return [line];
        }

        var key = line[..equals];
        var valueText = line[(equals + 1)..].TrimStart(' ', '\t');
        if (valueText.Length == 0)
        {
            throw new DvcException(DvcErrorCode.EmptySweep, $"'{line}' gives '{key}' no value to queue: write a value, or values separated by ','");
        }

        SweepSyntax? sweep;
        try
        {
            sweep = HydraValueParser.ParseSweep(valueText);
        }
        catch (OverrideSyntaxException e)
        {
            throw OverrideParser.SyntaxError(e.Message);
        }

        if (sweep is null)
        {
            return [line];
        }

        isSweep = true;
        var values = sweep.Function switch
        {
            null or "choice" => sweep.Arguments.Select(a => a.Text).ToList(),
            "range" => Range(line, sweep.Arguments),
            "glob" => Glob(line, sweep.Arguments, projectDirectory),
            _ => throw new DvcException(DvcErrorCode.InvalidSweep, $"'{line}': the sweep function {sweep.Function}() is not supported (choice, range and glob are)"),
        };
        if (values.Count == 0)
        {
            throw new DvcException(DvcErrorCode.EmptySweep, $"'{line}' sweeps over no values");
        }

        return values.Select(v => $"{key}={v}").ToList();
    }

    /// <summary>Hydra's range(start, stop, step=1) or range(stop), Python's semantics, ints or floats.</summary>
    private static List<string> Range(string line, IReadOnlyList<SweepArgument> arguments)
    {
        var named = new Dictionary<string, object?>(StringComparer.Ordinal);
        var positional = new List<object?>();
        foreach (var argument in arguments)
        {
            if (argument.Keyword is null)
            {
                positional.Add(argument.Value);
            }
            else
            {
                named[argument.Keyword] = argument.Value;
            }
        }

        object? Get(int index, string name, object? fallback) =>
            named.TryGetValue(name, out var value) ? value : index < positional.Count ? positional[index] : fallback;

        var (start, stop, step) = positional.Count == 1 && named.Count == 0
            ? (0L, positional[0], (object?)1L)
            : (Get(0, "start", 0L), Get(1, "stop", null), Get(2, "step", 1L));
        if (!IsNumber(start) || !IsNumber(stop) || !IsNumber(step))
        {
            throw new DvcException(DvcErrorCode.InvalidSweep, $"'{line}': range() takes numbers: range(start, stop[, step])");
        }

        var floats = start is double || stop is double || step is double;
        var (a, b, s) = (ToDouble(start), ToDouble(stop), ToDouble(step));
        if (s == 0)
        {
            throw new DvcException(DvcErrorCode.InvalidSweep, $"'{line}': range() step must not be zero");
        }

        var values = new List<string>();
        for (var i = 0L; ; i++)
        {
            var value = a + (i * s);
            if (s > 0 ? value >= b : value <= b)
            {
                break;
            }

            if (values.Count >= 100_000)
            {
                throw new DvcException(DvcErrorCode.InvalidSweep, $"'{line}': range() gives more than 100000 values");
            }

            values.Add(floats ? PyFloat.Repr(value) : ((long)value).ToString(CultureInfo.InvariantCulture));
        }

        return values;
    }

    private static List<string> Glob(string line, IReadOnlyList<SweepArgument> arguments, string projectDirectory)
    {
        var include = new List<string>();
        var exclude = new List<string>();
        foreach (var argument in arguments)
        {
            var target = argument.Keyword == "exclude" ? exclude : include;
            switch (argument.Value)
            {
                case string s:
                    target.Add(s);
                    break;
                case IList<object?> list:
                    target.AddRange(list.OfType<string>());
                    break;
                default:
                    throw new DvcException(DvcErrorCode.InvalidSweep, $"'{line}': glob() takes path patterns");
            }
        }

        var matches = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var pattern in include)
        {
            matches.UnionWith(Match(projectDirectory, pattern));
        }

        foreach (var pattern in exclude)
        {
            matches.ExceptWith(Match(projectDirectory, pattern));
        }

        return matches.ToList();
    }

    /// <summary>Paths below <paramref name="root"/> matching a pattern whose last segment may hold * and ?.</summary>
    private static IEnumerable<string> Match(string root, string pattern)
    {
        var normalized = pattern.Replace('\\', '/');
        var slash = normalized.LastIndexOf('/');
        var folder = slash < 0 ? "" : normalized[..slash];
        var name = slash < 0 ? normalized : normalized[(slash + 1)..];
        var directory = Path.Combine(root, folder);
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return Directory.EnumerateFileSystemEntries(directory, name)
            .Select(p => (folder.Length == 0 ? "" : folder + "/") + Path.GetFileName(p));
    }

    private static bool IsNumber(object? value) => value is long or double;

    private static double ToDouble(object? value) => value is long l ? l : (double)value!;

    private static (string File, string Line) SplitFile(string argument)
    {
        var equals = argument.IndexOf('=');
        var head = equals < 0 ? argument : argument[..equals];
        var colon = head.IndexOf(':');
        return colon < 0 ? (ParamOverride.DefaultFile, argument) : (argument[..colon].Replace('\\', '/'), argument[(colon + 1)..]);
    }
}

/// <summary>One queued experiment's overrides: (params file, override line) in the order DVC prints them.</summary>
/// <param name="IsSweep">The Set property held a sweep: named experiments get a -1, -2, … suffix.</param>
internal sealed record SweepCombination(IReadOnlyList<(string File, string Line)> Overrides, bool IsSweep = false)
{
    /// <summary>The overrides as Set arguments (<c>file:line</c> for other files than params.yaml).</summary>
    public IReadOnlyList<string> Arguments =>
        Overrides.Select(o => o.File == ParamOverride.DefaultFile ? o.Line : $"{o.File}:{o.Line}").ToList();

    /// <summary>DVC's log of them: <c>{'params.yaml': ['train.lr=0.1', 'train.epochs=1']}</c> (a Python dict's repr).</summary>
    public string PythonRepr()
    {
        var files = Overrides.Select(o => o.File).Distinct(StringComparer.Ordinal);
        return "{" + string.Join(", ", files.Select(f =>
            PyStr.Repr(f) + ": [" + string.Join(", ", Overrides.Where(o => o.File == f).Select(o => PyStr.Repr(o.Line))) + "]")) + "}";
    }
}
