namespace Dvc.Core.Yaml;

/// <summary>A position in YAML text: 1-based line and column, 0-based character offset.</summary>
public readonly record struct YamlMark(int Line, int Column, int Offset);
