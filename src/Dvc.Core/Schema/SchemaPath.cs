namespace Dvc.Core.Schema;

/// <summary>Where a value sits in dvc.yaml, printed as voluptuous does: <c>stages -> train -> outs -> 0</c>.
/// A linked list so that descending into a node costs one small object and no string work.</summary>
internal sealed class SchemaPath
{
    public static readonly SchemaPath Root = new(null, "");

    private readonly SchemaPath? _parent;
    private readonly string _segment;

    private SchemaPath(SchemaPath? parent, string segment)
    {
        _parent = parent;
        _segment = segment;
    }

    public SchemaPath Then(string segment) => new(this, segment);

    public SchemaPath Then(int index) => new(this, index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public override string ToString()
    {
        if (_parent is null)
        {
            return "";
        }

        var parent = _parent.ToString();
        return parent.Length == 0 ? _segment : parent + " -> " + _segment;
    }
}
