-- GET of the one URL given on the command line (nginx's static files).
function init(args)
   seed()
end
