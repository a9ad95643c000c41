using Fota.FeatureRunner;

[assembly: AssemblyFixture(typeof(FeatureRunFixture))]
[assembly: Reqnroll.Plugins.RuntimePlugin(typeof(FeatureRunnerPlugin))]
