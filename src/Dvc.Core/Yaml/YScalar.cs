using Dvc.Core.Errors;
using Dvc.Core.Values;

namespace Dvc.Core.Yaml;

/// <summary>A scalar already typed the way ruamel's safe loader types it: quoted and block scalars are
/// strings, plain ones go through <see cref="YamlScalarResolver"/>.</summary>
internal sealed class YScalar : YNode
{
    public YScalar(object? value, SourceLocation location)
        : base(location) => Value = value;

    /// <summary>null, bool, long, BigInteger, double or string.</summary>
    public object? Value { get; }

    public override object? ToPython() => Value;

    public override string PythonTypeName => PyTypes.NameOf(Value);
}
