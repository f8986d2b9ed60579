// Cockpit sets its date filter (camDate) to YYYY-MM-DD[T]HH:mm:ss in its own code and ignores config.js
// dateFormat there. This AngularJS module, loaded through config.js requireJsConfig (Camunda's documented hook for
// AngularJS modules), runs its config block after Cockpit's and sets the formats govflow shows everywhere.
define(['angular'], function (angular) {
  angular.module('govflow.dates', []).config(['camDateFormatProvider', function (formats) {
    formats.setDateFormat('YYYY-MM-DD HH:mm', 'normal');
    formats.setDateFormat('YYYY-MM-DD HH:mm', 'abbr');
    formats.setDateFormat('YYYY-MM-DD HH:mm:ss', 'long');
    formats.setDateFormat('YYYY-MM-DD', 'short');
  }]);
});
