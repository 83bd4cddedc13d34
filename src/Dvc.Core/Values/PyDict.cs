using System.Collections;

namespace Dvc.Core.Values;

/// <summary>
/// An insertion-ordered string-keyed map: the shape of a YAML/JSON mapping as DVC (Python) sees it.
/// Values are "Python values": null, bool, long, System.Numerics.BigInteger, double, string,
/// List&lt;object?&gt; or PyDict. Order matters because DVC writes nested params in file order.
/// </summary>
internal sealed class PyDict : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _items = new();
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public int Count => _items.Count;

    public IEnumerable<string> Keys => _items.Select(kv => kv.Key);

    public object? this[string key]
    {
        get => _items[_index[key]].Value;
        set
        {
            if (_index.TryGetValue(key, out var i))
            {
                _items[i] = new(key, value);
            }
            else
            {
                _index[key] = _items.Count;
                _items.Add(new(key, value));
            }
        }
    }

    public bool ContainsKey(string key) => _index.ContainsKey(key);

    public bool TryGetValue(string key, out object? value)
    {
        if (_index.TryGetValue(key, out var i))
        {
            value = _items[i].Value;
            return true;
        }

        value = null;
        return false;
    }

    public void Add(string key, object? value)
    {
        if (_index.ContainsKey(key))
        {
            throw new ArgumentException($"duplicate key '{key}'", nameof(key));
        }

        this[key] = value;
    }

    public bool Remove(string key)
    {
        if (!_index.TryGetValue(key, out var i))
        {
            return false;
        }

        _items.RemoveAt(i);
        _index.Remove(key);
        for (var j = i; j < _items.Count; j++)
        {
            _index[_items[j].Key] = j;
        }

        return true;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
