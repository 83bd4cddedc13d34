[assembly: Microsoft.VisualStudio.TestTools.UnitTesting.Parallelize(Scope = Microsoft.VisualStudio.TestTools.UnitTesting.ExecutionScope.ClassLevel)]

// Test methods whose parameters are the engine's internal types are internal too.
[assembly: Microsoft.VisualStudio.TestTools.UnitTesting.DiscoverInternals]
