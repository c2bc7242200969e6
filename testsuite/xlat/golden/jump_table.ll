define hidden range(i32 4, 10) i32 @fvp_100b0_jump_table(ptr %cpu) local_unnamed_addr #0 {
start:
  %0 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %0, align 8, !tbaa !5
  %1 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %1, align 8, !tbaa !5
  %2 = getelementptr inbounds i8, ptr %cpu, i64 88
  %x11 = load i64, ptr %2, align 8, !tbaa !5
  %3 = getelementptr inbounds i8, ptr %cpu, i64 112
  %x14 = load i64, ptr %3, align 8, !tbaa !5
  %4 = getelementptr inbounds i8, ptr %cpu, i64 120
  %x15 = load i64, ptr %4, align 8, !tbaa !5
  %mem_base.p = getelementptr inbounds i8, ptr %cpu, i64 544
  %mem_base.i = load i64, ptr %mem_base.p, align 8
  %mem_base = inttoptr i64 %mem_base.i to ptr
  %pc.p16 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p16, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %exit, !prof !8

b_100ca:                                          ; preds = %cont
  %5 = shl i64 %x11, 2
  %6 = and i64 %x1, -2
  br label %exit

b_100d0:                                          ; preds = %cont
  %7 = sub i64 0, %x11
  %8 = and i64 %x1, -2
  br label %exit

b_100d6:                                          ; preds = %cont
  %9 = add i64 %x11, 1
  %10 = and i64 %x1, -2
  br label %exit

b_100dc:                                          ; preds = %cont
  %11 = shl i64 %x11, 1
  %12 = mul i64 %x11, 3
  %13 = and i64 %x1, -2
  br label %exit

b_100e6:                                          ; preds = %cont
  %14 = add i64 %x11, -7
  %15 = and i64 %x1, -2
  br label %exit

b_100ec:                                          ; preds = %cont
  %16 = xor i64 %x11, 85
  %17 = and i64 %x1, -2
  br label %exit

default.unreachable:                              ; preds = %cont
  unreachable

exit:                                             ; preds = %start, %b_100ec, %b_100e6, %b_100dc, %b_100d6, %b_100d0, %b_100ca, %taken
  %x10.slot.0 = phi i64 [ %x10, %start ], [ 0, %taken ], [ %7, %b_100d0 ], [ %5, %b_100ca ], [ %16, %b_100ec ], [ %14, %b_100e6 ], [ %12, %b_100dc ], [ %9, %b_100d6 ]
  %x14.slot.0 = phi i64 [ %x14, %start ], [ %x14, %taken ], [ 65784, %b_100d0 ], [ 65784, %b_100ca ], [ 65784, %b_100ec ], [ 65784, %b_100e6 ], [ 65784, %b_100dc ], [ 65784, %b_100d6 ]
  %x15.slot.0 = phi i64 [ %x15, %start ], [ 5, %taken ], [ %23, %b_100d0 ], [ %23, %b_100ca ], [ %23, %b_100ec ], [ %23, %b_100e6 ], [ %11, %b_100dc ], [ %23, %b_100d6 ]
  %exit.pc = phi i64 [ %pc, %start ], [ %19, %taken ], [ %8, %b_100d0 ], [ %6, %b_100ca ], [ %17, %b_100ec ], [ %15, %b_100e6 ], [ %13, %b_100dc ], [ %10, %b_100d6 ]
  %exit.reason = phi i32 [ 9, %start ], [ 4, %taken ], [ 4, %b_100d0 ], [ 4, %b_100ca ], [ 4, %b_100ec ], [ 4, %b_100e6 ], [ 4, %b_100dc ], [ 4, %b_100d6 ]
  store i64 %x10.slot.0, ptr %1, align 8, !tbaa !5
  store i64 %x14.slot.0, ptr %3, align 8, !tbaa !5
  store i64 %x15.slot.0, ptr %4, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p16, align 8, !tbaa !5
  ret i32 %exit.reason

entry.switch:                                     ; preds = %start
  %18 = icmp ugt i64 %x10, 5
  br i1 %18, label %taken, label %cont

taken:                                            ; preds = %entry.switch
  %19 = and i64 %x1, -2
  br label %exit

cont:                                             ; preds = %entry.switch
  %20 = shl nuw nsw i64 %x10, 2
  %21 = getelementptr i8, ptr %mem_base, i64 %20
  %host = getelementptr i8, ptr %21, i64 65784
  %ld = load i32, ptr %host, align 1, !tbaa !9
  %22 = sext i32 %ld to i64
  %23 = add nsw i64 %22, 65784
  switch i64 %x10, label %default.unreachable [
    i64 0, label %b_100d6
    i64 1, label %b_100dc
    i64 2, label %b_100e6
    i64 3, label %b_100ec
    i64 4, label %b_100ca
    i64 5, label %b_100d0
  ]
}
