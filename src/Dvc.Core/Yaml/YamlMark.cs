namespace Dvc.Core.Yaml;

/// <summary>A position in YAML text: 1-based line and column, 0-based character offset.</summary>
/// <remarks>A class, not a struct: the dictionaries that hold a mark per key then run the framework's
/// precompiled shared generic code instead of code JIT-compiled in every build.</remarks>
public sealed record YamlMark(int Line, int Column, int Offset);
