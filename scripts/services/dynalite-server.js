// Runs dynalite's own command line (the path of its cli.js comes first, then its options), but
// keeps the server up when a client goes away in the middle of a request. dynalite 4.0.0 rethrows
// that request's error (index.js: req.on('error', function (err) { throw err })), which ends the
// whole server: a transactor killed with -9 while it sends a request (the failover tests do that)
// took every other client's storage down with it. DynamoDB itself drops only that request.
process.on('uncaughtException', function (err) {
  if (err && (err.code === 'ECONNRESET' || err.message === 'aborted')) {
    console.error('dynalite: a client went away in the middle of a request (' + err.message + ')')
    return
  }
  console.error(err)
  process.exit(1)
})
var cli = process.argv.splice(2, 1)[0]
require(cli)
