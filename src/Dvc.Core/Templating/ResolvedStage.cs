using Dvc.Core.Errors;
using Dvc.Core.Yaml;

namespace Dvc.Core.Templating;

/// <summary>One stage after templating: every <c>${}</c> replaced, foreach/matrix expanded.</summary>
/// <param name="Name">The stage name as DVC generates it (<c>train</c>, <c>train@0</c>).</param>
/// <param name="Group">The foreach/matrix entry it was generated from, or null.</param>
/// <param name="Definition">The stage's keys (without <c>vars</c>, <c>foreach</c>, <c>do</c>, <c>matrix</c>).</param>
/// <param name="NameLocation">Where the stage (or its group) is named in dvc.yaml.</param>
internal sealed record ResolvedStage(string Name, string? Group, YMap Definition, SourceLocation NameLocation);
