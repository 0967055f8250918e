import { useEffect } from 'react';
import { useLocation, useRouteError } from 'react-router';
import './print.css';

/**
 * A print route that crashed: says so on the page and tells the PDF maker at once (printError),
 * so an export fails with the reason instead of waiting for its timeout.
 */
export function PrintRouteError() {
  const error = useRouteError();
  const location = useLocation();
  const message = `This page failed to show: ${error instanceof Error ? error.message : String(error)}`;
  const route = `${location.pathname}${location.search}`;
  useEffect(() => {
    const data = document.body.dataset;
    data.printRoute = route;
    data.printReady = 'false';
    data.printError = message;
  }, [route, message]);
  return (
    <div className="print-doc">
      <div className="print-problem" role="alert">
        <h1>This page cannot be printed</h1>
        <p>{message}</p>
      </div>
    </div>
  );
}
