define hidden range(i32 4, 10) i32 @fvp_100b0_add_ret(ptr %cpu) local_unnamed_addr #0 {
start:
  %pc.p5 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p5, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %exit

exit:                                             ; preds = %start, %entry.switch
  %exit.pc = phi i64 [ %4, %entry.switch ], [ %pc, %start ]
  %exit.reason = phi i32 [ 4, %entry.switch ], [ 9, %start ]
  %exit.count = phi i64 [ 2, %entry.switch ], [ 0, %start ]
  store i64 %exit.pc, ptr %pc.p5, align 8
  %instret.p = getelementptr inbounds i8, ptr %cpu, i64 584
  %instret = load i64, ptr %instret.p, align 8
  %instret.n = add i64 %instret, %exit.count
  store i64 %instret.n, ptr %instret.p, align 8
  ret i32 %exit.reason

entry.switch:                                     ; preds = %start
  %0 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %0, align 8
  %1 = getelementptr inbounds i8, ptr %cpu, i64 88
  %x11 = load i64, ptr %1, align 8
  %2 = add i64 %x11, %x10
  store i64 %2, ptr %0, align 8
  %3 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %3, align 8
  %4 = and i64 %x1, -2
  br label %exit
}
