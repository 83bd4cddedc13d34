using System.Numerics;

namespace Dvc.Core.Values;

/// <summary>Python's names for the types of Python values, as they appear in DVC's error messages.</summary>
internal static class PyTypes
{
    public static string NameOf(object? value) => value switch
    {
        null => "NoneType",
        bool => "bool",
        long or int or BigInteger => "int",
        double => "float",
        string => "str",
        List<object?> => "list",
        PyDict => "dict",
        _ => value.GetType().Name,
    };

    /// <summary>True for what DVC's templating calls primitives (int, float, str, bool) and None.</summary>
    public static bool IsPrimitiveOrNone(object? value) =>
        value is null or bool or long or int or BigInteger or double or string;
}
